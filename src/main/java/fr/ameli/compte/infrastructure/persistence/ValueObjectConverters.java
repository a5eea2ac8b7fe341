package fr.ameli.compte.infrastructure.persistence;

import fr.ameli.compte.domain.person.Iban;
import fr.ameli.compte.domain.person.PersonName;
import fr.ameli.compte.domain.person.PostalCode;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Stores the domain's value objects as plain columns. Each converter is auto-applied, so the
 * entities in {@code domain} carry no reference to this package; a value read back from the
 * database goes through the same validation as a value typed by a user.
 */
public final class ValueObjectConverters {

    private ValueObjectConverters() {
    }

    @Converter(autoApply = true)
    public static class PersonNameConverter implements AttributeConverter<PersonName, String> {
        @Override
        public String convertToDatabaseColumn(PersonName name) {
            return name == null ? null : name.value();
        }

        @Override
        public PersonName convertToEntityAttribute(String column) {
            return column == null ? null : new PersonName(column);
        }
    }

    @Converter(autoApply = true)
    public static class PostalCodeConverter implements AttributeConverter<PostalCode, String> {
        @Override
        public String convertToDatabaseColumn(PostalCode code) {
            return code == null ? null : code.value();
        }

        @Override
        public PostalCode convertToEntityAttribute(String column) {
            return column == null ? null : new PostalCode(column);
        }
    }

    @Converter(autoApply = true)
    public static class IbanConverter implements AttributeConverter<Iban, String> {
        @Override
        public String convertToDatabaseColumn(Iban iban) {
            return iban == null ? null : iban.value();
        }

        @Override
        public Iban convertToEntityAttribute(String column) {
            return column == null ? null : new Iban(column);
        }
    }

    /** JPA 3.1 has no mapping for {@link Instant}; a UTC timestamp column holds it. */
    @Converter(autoApply = true)
    public static class InstantConverter implements AttributeConverter<Instant, Timestamp> {
        @Override
        public Timestamp convertToDatabaseColumn(Instant instant) {
            return instant == null ? null : Timestamp.from(instant);
        }

        @Override
        public Instant convertToEntityAttribute(Timestamp column) {
            return column == null ? null : column.toInstant();
        }
    }
}

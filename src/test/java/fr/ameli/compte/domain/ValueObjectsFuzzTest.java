package fr.ameli.compte.domain;

import fr.ameli.compte.domain.agent.AgentReason;
import fr.ameli.compte.domain.person.BirthDate;
import fr.ameli.compte.domain.code.CodePolicy;
import fr.ameli.compte.domain.code.CodePolicyTest;
import fr.ameli.compte.domain.code.CodeRule;
import fr.ameli.compte.domain.code.CodeStrength;
import fr.ameli.compte.domain.account.EmailAddress;
import fr.ameli.compte.domain.person.Iban;
import fr.ameli.compte.domain.person.IbanTail;
import fr.ameli.compte.domain.shared.InvalidValueException;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.person.PersonName;
import fr.ameli.compte.domain.person.PersonalData;
import fr.ameli.compte.domain.account.PhoneNumber;
import fr.ameli.compte.domain.person.PostalCode;
import fr.ameli.compte.domain.account.ProvisionalCode;
import fr.ameli.compte.domain.code.RuleCheck;
import fr.ameli.compte.domain.account.SecurityCode;
import fr.ameli.compte.domain.person.VitaleSerialTail;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.ameli.compte.Fuzzing;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

import static fr.ameli.compte.Fuzzing.refusedOnlyByTheDomain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a person types, parsed by the domain's value objects, the code policy and the shape checks
 * of the login's codes: each input goes to one of them (the fuzzer picks which, and learns from
 * the coverage of all). The only exception is the domain's refusal; what is accepted reads back as
 * the same value (parsing is idempotent). One fuzz test, as libFuzzer runs once per JVM: each
 * target gets about a second of the test command's budget, all of {@code -Pfuzz}'s.
 */
@ExtendWith(Fuzzing.class)
class ValueObjectsFuzzTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneId.of("Europe/Paris"));
    private static final Nir TOTO = new Nir("2281231815001");
    private static final CodePolicy POLICY = new CodePolicy(CodePolicyTest.COMMON);

    /** Each parser under test, with what must hold of what it accepts. */
    private enum Target {
        NIR(data -> {
            String typed = data.consumeRemainingAsString();
            refusedOnlyByTheDomain(() -> {
                Nir nir = Nir.parse(typed);
                assertEquals(nir, Nir.parse(nir.display()));
                assertEquals(nir, Nir.parseFullForm(nir.fullForm()));
                assertTrue(nir.agreesWith(LocalDate.of(1900 + nir.birthYearTwoDigits(), nir.birthMonth().orElse(1), 1)));
            });
            refusedOnlyByTheDomain(() -> assertEquals(15, Nir.parseFullForm(typed).fullForm().length()));
            assertEquals(parses(() -> Nir.parse(typed)), Nir.tryParse(typed).isPresent());
        }),
        PERSON_NAME(data -> {
            String typed = data.consumeString(200);
            String other = data.consumeRemainingAsString();
            refusedOnlyByTheDomain(() -> {
                PersonName name = new PersonName(typed);
                assertEquals(name, new PersonName(name.value()));
                assertTrue(name.matches(new PersonName(name.value().toUpperCase(java.util.Locale.ROOT))));
            });
            PersonName.tryParse(typed);
            PersonName.matchKey(other);
        }),
        BIRTH_DATE(data -> {
            String typed = data.consumeRemainingAsString();
            refusedOnlyByTheDomain(() -> {
                BirthDate date = BirthDate.parse(typed, CLOCK);
                assertEquals(date, BirthDate.parse(date.format(), CLOCK));
            });
        }),
        EMAIL_ADDRESS(data -> {
            String typed = data.consumeRemainingAsString();
            refusedOnlyByTheDomain(() -> {
                EmailAddress email = new EmailAddress(typed);
                assertEquals(email, new EmailAddress(email.value()));
                assertTrue(email.value().length() <= EmailAddress.MAX_LENGTH);
            });
        }),
        PHONE_NUMBER(data -> {
            boolean mobile = data.consumeBoolean();
            String typed = data.consumeRemainingAsString();
            refusedOnlyByTheDomain(() -> {
                PhoneNumber number = mobile ? PhoneNumber.mobile(typed) : PhoneNumber.landline(typed);
                assertEquals(number, mobile ? PhoneNumber.mobile(number.display()) : PhoneNumber.landline(number.display()));
            });
        }),
        IBAN(data -> {
            String typed = data.consumeString(100);
            String register = data.consumeRemainingAsString();
            refusedOnlyByTheDomain(() -> {
                IbanTail tail = new IbanTail(typed);
                tail.matchesIban(register);
                assertTrue(tail.matchesIban("FR76 3000 6000 01" + tail.digits()));
            });
            refusedOnlyByTheDomain(() -> {
                Iban iban = new Iban(register);
                assertEquals(iban, new Iban(iban.value()));
            });
        }),
        VITALE_SERIAL(data -> {
            String typed = data.consumeString(100);
            String register = data.consumeRemainingAsString();
            refusedOnlyByTheDomain(() -> {
                VitaleSerialTail tail = new VitaleSerialTail(typed);
                tail.matchesSerial(register);
                assertTrue(tail.matchesSerial("80250" + tail.digits()));
            });
        }),
        POSTAL_CODE(data -> {
            String typed = data.consumeRemainingAsString();
            refusedOnlyByTheDomain(() -> {
                PostalCode code = new PostalCode(typed);
                assertEquals(code, new PostalCode(code.value()));
            });
        }),
        AGENT_REASON(data -> {
            String typed = data.consumeRemainingAsString();
            refusedOnlyByTheDomain(() -> {
                AgentReason reason = new AgentReason(typed);
                assertEquals(reason, new AgentReason(reason.text()));
                assertTrue(reason.text().length() >= AgentReason.MIN && reason.text().length() <= AgentReason.MAX);
            });
        }),
        CODE_POLICY(data -> {
            PersonName family = PersonName.tryParse(data.consumeString(40)).orElse(new PersonName("TOTO"));
            String givenNames = data.consumeBoolean() ? null : data.consumeString(80);
            String confirmation = data.consumeString(60);
            String code = data.consumeRemainingAsString();
            PersonalData person = new PersonalData(TOTO, LocalDate.of(1928, 12, 3), family, givenNames);
            Fuzzing.tried();
            List<RuleCheck> checks = POLICY.evaluate(code, person);
            assertEquals(CodeRule.values().length, checks.size());
            CodeStrength strength = POLICY.strength(code, person);
            if (POLICY.isSatisfied(code, person)) {
                assertNotEquals(CodeStrength.FAIBLE, strength);
            }
            assertEquals(code != null && !code.isEmpty() && code.equals(confirmation), POLICY.confirms(code, confirmation));
        }),
        LOGIN_CODES(data -> {
            String typed = data.consumeRemainingAsString();
            Fuzzing.tried();
            if (SecurityCode.looksLike(typed)) {
                assertTrue(typed.strip().matches("[0-9]{" + SecurityCode.DIGITS + "}"), typed);
            }
            if (ProvisionalCode.looksLike(typed)) {
                assertTrue(typed.matches("[0-9]{4}"), typed);
            }
        });

        private final Consumer<FuzzedDataProvider> fuzz;

        Target(Consumer<FuzzedDataProvider> fuzz) {
            this.fuzz = fuzz;
        }
    }

    @FuzzTest(maxDuration = "10s")
    void whatAPersonTypes(FuzzedDataProvider data) {
        data.pickValue(Target.values()).fuzz.accept(data);
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (InvalidValueException refused) {
            return false;
        }
    }
}

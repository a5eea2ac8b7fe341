package fr.ameli.compte.web;

import fr.ameli.compte.application.agent.PersonFile;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Everything kept in an HTTP session (session, conversation and view scoped beans, and all they
 * hold) is replicated to the other node of a cluster by Java serialization: a field that cannot be
 * serialized would lose the person's wizard when a node dies. Injected fields hold the container's
 * proxies, which are serializable by themselves; an injected dependent bean is held whole.
 */
class ReplicatedStateTest {

    private static List<Class<?>> sessionBeans;

    /** The service's classes are read once: reading them is most of this test's time. */
    @BeforeAll
    static void findSessionBeans() {
        sessionBeans = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.ameli.compte")) {
            if (c.isAnnotatedWith(SessionScoped.class) || c.isAnnotatedWith(ConversationScoped.class)
                    || c.isAnnotatedWith(ViewScoped.class)) {
                sessionBeans.add(c.reflect());
            }
        }
    }

    private static List<Class<?>> sessionBeans() {
        return sessionBeans;
    }

    @Test
    void the_wizard_and_every_session_bean_are_found() {
        List<String> names = sessionBeans().stream().map(Class::getSimpleName).toList();
        assertFalse(names.isEmpty());
        assertEquals(true, names.contains("CreationWizard"), names.toString());
    }

    @Test
    void every_session_bean_and_all_it_holds_can_be_serialized() {
        List<String> problems = new ArrayList<>();
        for (Class<?> bean : sessionBeans()) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
            }
            checkFields(bean, bean.getSimpleName(), new HashSet<>(), problems);
        }
        assertEquals(List.of(), problems);
    }

    /**
     * A class (not a record: their version is ignored by serialization) that changes shape between
     * two releases must still read the sessions the older nodes replicated during a rolling update.
     */
    @Test
    void every_replicated_class_of_ours_declares_its_version() {
        Set<Class<?>> replicated = new HashSet<>();
        for (Class<?> bean : sessionBeans()) {
            checkFields(bean, bean.getSimpleName(), replicated, new ArrayList<>());
        }
        List<String> missing = new ArrayList<>();
        for (Class<?> type : replicated) {
            if (type.isRecord() || type.isEnum() || type.isInterface()) { // an interface has no serialized form of its own
                continue;
            }
            try {
                Field version = type.getDeclaredField("serialVersionUID");
                if (!Modifier.isStatic(version.getModifiers()) || version.getType() != long.class) {
                    missing.add(type.getName());
                }
            } catch (NoSuchFieldException e) {
                missing.add(type.getName());
            }
        }
        assertEquals(List.of(), missing, "replicated classes without a static final long serialVersionUID");
    }

    private static void checkFields(Class<?> type, String path, Set<Class<?>> seen, List<String> problems) {
        if (!seen.add(type)) {
            return;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                // An injected dependent bean of ours (CodeForm) lives inside the session bean: it is replicated with it.
                boolean heldWhole = field.getType().isAnnotationPresent(Dependent.class);
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isAnnotationPresent(Inject.class) && !heldWhole) {
                    continue;
                }
                Class<?> fieldType = field.getType();
                String where = path + "." + field.getName();
                if (fieldType.isPrimitive() || fieldType.isEnum()) {
                    continue;
                }
                if (fieldType == List.class && c.isRecord()) {
                    // A record's list (PersonFile's lines): its compact constructor copies it with
                    // List.copyOf, which is serializable when its elements are; those are checked in turn.
                    Class<?> element = (Class<?>) ((java.lang.reflect.ParameterizedType) field.getGenericType()).getActualTypeArguments()[0];
                    if (!Serializable.class.isAssignableFrom(element)) {
                        problems.add(where + " holds " + element.getName() + ", which is not Serializable");
                    } else if (element.getName().startsWith("fr.ameli.compte.")) {
                        checkFields(element, where + "[]", seen, problems);
                    }
                } else if (!Serializable.class.isAssignableFrom(fieldType)) {
                    problems.add(where + " (" + fieldType.getName() + ") is not Serializable");
                } else if (fieldType.getName().startsWith("fr.ameli.compte.")) {
                    checkFields(fieldType, where, seen, problems);
                }
            }
        }
    }
}

package org.mizan;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * One Jackson line for Mizan's own code: Jackson 3 ({@code tools.jackson}), the line Spring Boot 4 manages. Libraries
 * may still bring Jackson 2 with them, and Jackson 3 keeps its annotations under {@code com.fasterxml.jackson.annotation}
 * (allowed); Mizan's main and test classes use nothing else of {@code com.fasterxml.jackson}.
 */
class JacksonLineTest {

    private static ArchRule noJackson2(String packages) {
        return ArchRuleDefinition.noClasses()
                .that()
                .resideInAPackage(packages)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml.jackson.core..", "com.fasterxml.jackson.databind..")
                .as("use Jackson 3 (tools.jackson), not Jackson 2's core or databind");
    }

    @Test
    void mizansMainAndTestClassesUseJackson3Only() {
        JavaClasses mizan = new ClassFileImporter()
                .importPaths(Path.of("target/classes/org/mizan"), Path.of("target/test-classes/org/mizan"));
        assertThat(mizan.contain(JacksonLineTest.class)).isTrue();
        noJackson2("org.mizan..").check(mizan);
    }

    @Test
    void aClassThatUsesJackson2IsReported() throws ClassNotFoundException {
        // given: Jackson 2's own JsonMapper (on the class path through a library), which uses Jackson 2's core;
        // loaded by name, so that this test class does not depend on it
        JavaClasses jackson2 =
                new ClassFileImporter().importClasses(Class.forName("com.fasterxml.jackson.databind.json.JsonMapper"));
        // when
        EvaluationResult result = noJackson2("com.fasterxml.jackson.databind..").evaluate(jackson2);
        // then
        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains("com.fasterxml.jackson.databind.json.JsonMapper")
                .contains("com.fasterxml.jackson.core.");
    }
}

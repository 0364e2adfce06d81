package com.leadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private static final Path DOCS = Path.of("target/spring-modulith-docs");
    /** {@code Rel(<system>.<container>.<Source>, <system>.<container>.<Target>, ...} in the C4 PlantUML Modulith writes. */
    private static final Pattern ARROW = Pattern.compile("^Rel\\([\\w.]*\\.(\\w+), [\\w.]*\\.(\\w+),", Pattern.MULTILINE);

    private final ApplicationModules modules = ApplicationModules.of(LeadlineApplication.class);
    /** Not cleaning: the tests write into one folder, in any order, and each checks its own files. */
    private final Documenter documenter = new Documenter(modules, Documenter.Options.defaults().withoutClean());

    @Test
    void modulesKeepTheirBoundaries() {
        modules.verify();
    }

    /** The diagrams in target/spring-modulith-docs draw exactly the modules and the dependencies the code has. */
    @Test
    void writesModuleDiagramsThatDrawEveryModuleAndEveryDependency() throws IOException {
        documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();

        Set<String> expected = new TreeSet<>();
        for (ApplicationModule module : modules) {
            assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".puml")).as("the diagram of " + module.getDisplayName())
                    .content().contains(module.getDisplayName());
            module.getDirectDependencies(modules).uniqueModules()
                    .forEach(target -> expected.add(module.getDisplayName() + " -> " + target.getDisplayName()));
        }
        Set<String> drawn = new TreeSet<>();
        Matcher arrow = ARROW.matcher(Files.readString(DOCS.resolve("components.puml")));
        while (arrow.find()) {
            drawn.add(arrow.group(1) + " -> " + arrow.group(2));
        }
        assertThat(expected).as("the code has module dependencies").isNotEmpty();
        assertThat(drawn).isEqualTo(expected);
    }

    /** A canvas per module (target/spring-modulith-docs/module-<name>.adoc) names its base package and its Spring components. */
    @Test
    void writesAModuleCanvasForEveryModule() throws IOException {
        documenter.writeModuleCanvases();

        for (ApplicationModule module : modules) {
            assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".adoc")).as("the canvas of " + module.getDisplayName())
                    .content().contains(module.getBasePackage().getName());
        }
    }
}

package io.github.dockmaven.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerfileBaseImagesTest {

    private static List<String> baseImages(String dockerfile, Map<String, String> args) {
        return DockerfileBaseImages.of(dockerfile.lines().toList(), args);
    }

    @Test
    void eachFromImageIsABaseImageButNotAnEarlierStageOrScratch() {
        String dockerfile =
                """
                # syntax=docker/dockerfile:1
                FROM --platform=linux/amd64 registry.example.com/tools/maven:3 AS Build
                RUN mvn package
                from build as test
                FROM scratch
                FROM ghcr.io/acme/jre:17
                COPY --from=build /app.jar /app.jar
                """;

        assertThat(baseImages(dockerfile, Map.of()))
                .containsExactly("registry.example.com/tools/maven:3", "ghcr.io/acme/jre:17");
    }

    @Test
    void globalArgsAreSubstitutedWithTheBuildsArgsOverTheirDefaults() {
        String dockerfile =
                """
                ARG REGISTRY=registry.example.com
                ARG BASE="jre" TAG=17
                ARG UNSET
                FROM ${REGISTRY}/acme/$BASE:${TAG}
                FROM ${UNSET:-busybox}:${UNSET:+never}1
                ARG LATE=ignored-after-from
                FROM $LATE/x
                """;

        assertThat(baseImages(dockerfile, Map.of("TAG", "21")))
                .containsExactly("registry.example.com/acme/jre:21", "busybox:1", "/x");
    }

    @Test
    void continuationLinesAndAnotherEscapeCharacterAreFollowed() {
        assertThat(baseImages("FROM \\\n  ghcr.io/acme/app:1 \\\n  AS app\nFROM app\n", Map.of()))
                .containsExactly("ghcr.io/acme/app:1");
        assertThat(baseImages("# escape=`\nFROM `\n  mcr.microsoft.com/windows:ltsc2022\n", Map.of()))
                .containsExactly("mcr.microsoft.com/windows:ltsc2022");
    }

    @Test
    void anImageUsedTwiceIsListedOnce() {
        assertThat(baseImages("FROM busybox:1 AS a\nFROM busybox:1 AS b\n", Map.of()))
                .containsExactly("busybox:1");
    }
}

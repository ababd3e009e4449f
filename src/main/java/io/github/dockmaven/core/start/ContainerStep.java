package io.github.dockmaven.core.start;

/**
 * One step of a container's way to ready (create it, start it, follow its output, wait, report), with one reason to
 * fail. {@link Starter} runs a container's steps in order; a step that throws ends the start of all containers.
 */
interface ContainerStep {

    /** Does this step for {@code container}, recording on it what later steps need. */
    void run(Starting container);
}

/**
 * The engine adapter: {@link io.github.dockmaven.docker.DockerJavaEngine} implements the core's {@link
 * io.github.dockmaven.core.Engine} port on docker-java, and {@link io.github.dockmaven.docker.EngineLocator} finds the
 * engine to talk to. This is the only package that imports {@code com.github.dockerjava}; nothing of docker-java, its
 * exceptions included, crosses its boundary except as the cause of an {@link
 * io.github.dockmaven.core.EngineException}.
 */
package io.github.dockmaven.docker;

/**
 * A small HTTP key-value service on the JDK's own {@code com.sun.net.httpserver}: the application the example tests,
 * in the image its POM builds.
 */
package io.github.dockmaven.examples.service;

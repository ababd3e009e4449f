package io.github.dockmaven.examples.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RespClient} against a real Redis. dock-maven-plugin starts it before this test (see the POM) and failsafe
 * passes its address in as {@code redis.host} and {@code redis.port}.
 */
class RedisIT {

    private RespClient redis;

    @BeforeEach
    void connect() throws IOException {
        redis = RespClient.connect(required("redis.host"), Integer.parseInt(required("redis.port")));
        // Each test starts from an empty database, whatever ran before it against this container.
        redis.call("FLUSHDB");
    }

    @AfterEach
    void close() throws IOException {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void pingIsAnsweredWithPong() throws IOException {
        assertEquals("PONG", redis.ping());
    }

    @Test
    void aValueSetCanBeReadBack() throws IOException {
        assertEquals("OK", redis.set("greeting", "hello from RedisIT"));
        assertEquals("hello from RedisIT", redis.get("greeting"));
    }

    @Test
    void aKeyNeverSetHasNoValue() throws IOException {
        assertNull(redis.get("never-set"));
    }

    @Test
    void incrCountsUpFromZero() throws IOException {
        assertEquals(1L, redis.incr("visits"));
        assertEquals(2L, redis.incr("visits"));
        assertEquals("2", redis.get("visits"));
    }

    @Test
    void incrOnTextIsRefusedByTheServer() throws IOException {
        redis.set("name", "redis");
        RespException error = assertThrows(RespException.class, () -> redis.incr("name"));
        assertEquals("ERR value is not an integer or out of range", error.getMessage());
    }

    // Run from an IDE without Maven, the properties are missing (or, if dock:run was skipped, still hold the
    // unresolved ${...} text): say how to run it instead of failing on a strange host name.
    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("System property " + name + " is not set (" + value + "). Run this test "
                    + "with 'mvn verify', which starts Redis with dock-maven-plugin and passes its address in.");
        }
        return value;
    }
}

package io.github.dockmaven.examples.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The protocol alone, against scripted server replies: no server, no Docker, milliseconds. */
class RespClientTest {

    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

    private RespClient replying(String replies) {
        return RespClient.over(new ByteArrayInputStream(replies.getBytes(StandardCharsets.UTF_8)), sent);
    }

    private String sent() {
        return sent.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pingSendsAnArrayOfOneBulkStringAndReadsASimpleString() throws IOException {
        assertEquals("PONG", replying("+PONG\r\n").ping());
        assertEquals("*1\r\n$4\r\nPING\r\n", sent());
    }

    @Test
    void setCountsBulkLengthsInBytesNotChars() throws IOException {
        assertEquals("OK", replying("+OK\r\n").set("greeting", "grüß"));
        assertEquals("*3\r\n$3\r\nSET\r\n$8\r\ngreeting\r\n$6\r\ngrüß\r\n", sent());
    }

    @Test
    void getReadsABulkStringThatMayContainCrLf() throws IOException {
        assertEquals("two\r\nlines", replying("$10\r\ntwo\r\nlines\r\n").get("k"));
    }

    @Test
    void getReturnsNullForTheNullBulkString() throws IOException {
        assertNull(replying("$-1\r\n").get("missing"));
    }

    @Test
    void incrReadsAnInteger() throws IOException {
        assertEquals(42L, replying(":42\r\n").incr("counter"));
    }

    @Test
    void anErrorReplyBecomesARespExceptionWithTheServersText() {
        RespClient client = replying("-ERR value is not an integer or out of range\r\n");
        RespException error = assertThrows(RespException.class, () -> client.incr("greeting"));
        assertEquals("ERR value is not an integer or out of range", error.getMessage());
        assertEquals("ERR", error.kind());
    }

    @Test
    void aReplyOfTheWrongTypeIsReportedNotCast() {
        IOException error = assertThrows(IOException.class, () -> replying("+OK\r\n").incr("counter"));
        assertEquals("Expected a Long reply to INCR, got String 'OK'", error.getMessage());
    }

    @Test
    void aConnectionClosedBeforeTheReplyIsAnEofException() {
        assertThrows(EOFException.class, () -> replying("").ping());
    }
}

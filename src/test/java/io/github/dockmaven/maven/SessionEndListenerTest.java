package io.github.dockmaven.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.junit.jupiter.api.Test;

class SessionEndListenerTest {

    @Test
    void everyEventGoesOnToTheListenerItReplaced() throws Exception {
        List<String> received = new ArrayList<>();
        Recorder next = new Recorder(received);
        ExecutionListener listener = new SessionEndListener(next.listener());

        // a session the plugin keeps nothing for: ending it removes nothing
        MavenSession session = session();
        ExecutionEvent event = (ExecutionEvent) Proxy.newProxyInstance(
                ExecutionEvent.class.getClassLoader(),
                new Class<?>[] {ExecutionEvent.class},
                (proxy, method, args) -> method.getName().equals("getSession") ? session : null);
        for (Method method : ExecutionListener.class.getMethods()) {
            method.invoke(listener, event);
        }

        assertThat(received)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ExecutionListener.class.getMethods())
                        .map(Method::getName)
                        .toList());
    }

    @Test
    void takesTheListenersPlaceOncePerSession() {
        MavenSession session = session();
        ExecutionListener maven = new Recorder(new ArrayList<>()).listener();
        session.getRequest().setExecutionListener(maven);

        SessionRegistry.hearEnd(session);
        ExecutionListener first = session.getRequest().getExecutionListener();
        SessionRegistry.hearEnd(session);

        assertThat(first).isInstanceOf(SessionEndListener.class);
        assertThat(session.getRequest().getExecutionListener()).isSameAs(first);
        assertThat(((SessionEndListener) first).next).isSameAs(maven);
    }

    @Test
    void leavesTheListenerAloneWhereTheExtensionHearsTheEnd() {
        MavenSession session = session();
        ExecutionListener maven = new Recorder(new ArrayList<>()).listener();
        session.getRequest().setExecutionListener(maven);

        SessionRegistry.endWillBeHeard(session);
        SessionRegistry.hearEnd(session);

        assertThat(session.getRequest().getExecutionListener()).isSameAs(maven);
    }

    @SuppressWarnings("deprecation")
    private static MavenSession session() {
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        return new MavenSession(null, request, new DefaultMavenExecutionResult(), List.of());
    }

    /** A listener that records the name of every method called on it. */
    private record Recorder(List<String> received) {
        ExecutionListener listener() {
            return (ExecutionListener) Proxy.newProxyInstance(
                    ExecutionListener.class.getClassLoader(),
                    new Class<?>[] {ExecutionListener.class},
                    (proxy, method, args) -> {
                        if (method.getDeclaringClass() == Object.class) {
                            return method.invoke(this, args);
                        }
                        received.add(method.getName());
                        return null;
                    });
        }
    }
}

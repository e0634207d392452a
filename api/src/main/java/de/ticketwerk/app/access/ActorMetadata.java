package de.ticketwerk.app.access;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Puts the request's actor into the metadata of every command it sends (R-AU1: the history names who caused each
 * event). A command sent by a timer has none; one sent by a process carries its event's.
 */
public final class ActorMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String KEY = "actor";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return authentication instanceof TokenAuthentication token && !command.getMetaData().containsKey(KEY)
                    ? command.andMetaData(Map.of(KEY, token.actor().name()))
                    : command;
        };
    }
}

package de.ticketwerk.app.access;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.stream.Collectors;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A validated token and the actor it names. */
final class TokenAuthentication extends JwtAuthenticationToken {

    private final Actor actor;

    TokenAuthentication(Jwt jwt, Actor actor) {
        super(jwt, actor.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority()))
                .collect(Collectors.toSet()), actor.name());
        this.actor = actor;
    }

    Actor actor() {
        return actor;
    }
}

package de.ticketwerk.app.access;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BearerHeaderTest {

    private final BearerHeader header = new BearerHeader();

    @ParameterizedTest
    @ValueSource(strings = {"Bearer eyJhbGciOi.J9-_~+/x.sig==", "bearer abc", "BEARER a="})
    void takesTheTokenOfABearerHeader(String value) {
        assertThat(header.resolve(request(value))).isEqualTo(value.substring("Bearer ".length()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer ", "Bearer a b", "Bearer a=b", "Bearer ====", "Bearer a\u00e4", "Bearer  abc"})
    void refusesAMalformedToken(String value) {
        assertThatThrownBy(() -> header.resolve(request(value))).isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void anotherSchemeOrNoHeaderIsNoToken() {
        assertThat(header.resolve(request("Basic dXNlcjpwYXNz"))).isNull();
        assertThat(header.resolve(new MockHttpServletRequest())).isNull();
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", authorization);
        return request;
    }
}

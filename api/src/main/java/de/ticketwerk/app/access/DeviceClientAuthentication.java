package de.ticketwerk.app.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * The device grant for a public client (a command line keeps no secret): Spring Authorization Server authenticates
 * public clients only for PKCE token requests, so the device authorization request and the device code's token
 * request name the client by its id alone, and only a client registered with no authentication passes.
 */
final class DeviceClientAuthentication {

    private DeviceClientAuthentication() {
    }

    static AuthenticationConverter converter(String deviceAuthorizationPath) {
        return request -> {
            if (!"POST".equals(request.getMethod()) || !isDeviceRequest(request, deviceAuthorizationPath)) {
                return null;
            }
            String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
            if (clientId == null || clientId.isBlank() || request.getParameter("client_secret") != null
                    || request.getHeader("Authorization") != null) {
                return null;
            }
            return new OAuth2ClientAuthenticationToken(clientId, ClientAuthenticationMethod.NONE, null, null);
        };
    }

    private static boolean isDeviceRequest(HttpServletRequest request, String deviceAuthorizationPath) {
        return request.getRequestURI().equals(deviceAuthorizationPath)
                || AuthorizationGrantType.DEVICE_CODE.getValue().equals(
                request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
    }

    static AuthenticationProvider provider(RegisteredClientRepository clients) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                OAuth2ClientAuthenticationToken token = (OAuth2ClientAuthenticationToken) authentication;
                if (!ClientAuthenticationMethod.NONE.equals(token.getClientAuthenticationMethod())) {
                    return null;
                }
                RegisteredClient client = clients.findByClientId(token.getPrincipal().toString());
                if (client == null || !client.getClientAuthenticationMethods().contains(
                        ClientAuthenticationMethod.NONE)) {
                    throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
                }
                return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }
}

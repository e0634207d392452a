package de.ticketwerk.app.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

import java.util.EnumSet;

/**
 * On an empty database, the first ADMIN: its password from {@code ticketwerk.security.admin-password}, or generated
 * and logged once. Then the sign-in client and the integration clients named in the configuration.
 */
class AccessBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccessBootstrap.class);

    private final Accounts accounts;
    private final IntegrationClients clients;
    private final AccessProperties properties;

    AccessBootstrap(Accounts accounts, IntegrationClients clients, AccessProperties properties) {
        this.accounts = accounts;
        this.clients = clients;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        clients.ensureCommandLineClient(properties.redirectUris());
        properties.clients().forEach((id, client) -> clients.configure(id, client.secret(), client.roles()));
        if (accounts.any()) {
            return;
        }
        boolean generated = properties.adminPassword().isEmpty();
        String password = generated ? IntegrationClients.newSecret() : properties.adminPassword();
        if (!accounts.create(new Accounts.Account(properties.adminUsername(), EnumSet.of(AccessRole.ADMIN), null,
                true), password)) {
            return;
        }
        if (generated) {
            log.warn("""

                    *****************************************************************************
                    *  The first ADMIN: user '{}', password '{}'
                    *  Shown this once. Sign in and create the people and clients you need.
                    *****************************************************************************""",
                    properties.adminUsername(), password);
        } else {
            log.info("The first ADMIN '{}' was created with the configured password", properties.adminUsername());
        }
    }
}

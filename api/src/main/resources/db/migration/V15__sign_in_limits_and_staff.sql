-- Wrong passwords at the embedded issuer's sign-in, per account ('account:<name>') and per client address
-- ('address:<ip>'): how many in a row and when the last was. Shared by every node (AccessProperties.SignInLimits).
CREATE TABLE sign_in_failure (
    subject      TEXT        PRIMARY KEY,
    failures     INTEGER     NOT NULL,
    last_failure TIMESTAMPTZ NOT NULL
);
CREATE INDEX sign_in_failure_age ON sign_in_failure (last_failure);

-- Each API request's token is looked up by its value (TokenStanding: revoked?); a JWT is too long for a b-tree key.
CREATE INDEX oauth2_authorization_access_token ON oauth2_authorization USING hash (access_token_value);

-- The staff who have acted on the API, whatever issuer signed their tokens: the colleagues a DISPATCHER may name as
-- the technician of a time entry (R-A2), beside the staff accounts of the embedded issuer.
CREATE TABLE staff_person (
    name       TEXT        PRIMARY KEY,
    first_seen TIMESTAMPTZ NOT NULL DEFAULT now()
);

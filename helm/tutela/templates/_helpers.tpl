{{- define "tutela.name" -}}{{ .Release.Name }}-portal{{- end -}}
{{- define "tutela.labels" -}}
app.kubernetes.io/name: tutela
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: portal
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}
{{- define "tutela.selector" -}}
app.kubernetes.io/name: tutela
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: portal
{{- end -}}
{{/* The variables the realm file leaves to Keycloak's environment (keycloakx.extraEnv). */}}
{{- define "tutela.realmVariables" -}}
TUTELA_PORTAL_CLIENT_SECRET TUTELA_DIRECTORY_CLIENT_SECRET{{ if .Values.mail.existingSecret }} TUTELA_SMTP_USERNAME TUTELA_SMTP_PASSWORD{{ end }}
{{- end -}}
{{/* The bundled Keycloak and the portal must agree on the issuer and on the clients' secrets. */}}
{{- define "tutela.bundledKeycloakAgrees" -}}
{{- $env := .Values.keycloakx.extraEnv | default "" -}}
{{- if not (regexMatch (printf "name: KC_HOSTNAME\\s+value: %s\\s*(\n|$)" (regexQuoteMeta .Values.keycloak.url)) $env) -}}
{{- fail (printf "keycloakx.extraEnv must set KC_HOSTNAME to keycloak.url (%s): the issuer of the tokens is the address the portal signs people in at" .Values.keycloak.url) -}}
{{- end -}}
{{- range (include "tutela.realmVariables" . | splitList " ") -}}
{{- if not (regexMatch (printf "name: %s\\s" .) $env) -}}
{{- fail (printf "keycloakx.extraEnv must set %s: the realm file (templates/keycloak-realm.yaml) takes it from Keycloak's environment" .) -}}
{{- end -}}
{{- end -}}
{{- if not (regexMatch (printf "secretKeyRef:\\s*\\{?\\s*name: %s[\\s,}]" (regexQuoteMeta .Values.keycloak.existingSecret)) $env) -}}
{{- fail (printf "keycloakx.extraEnv must take the clients' secrets from keycloak.existingSecret (%s), the secret the portal reads them from" .Values.keycloak.existingSecret) -}}
{{- end -}}
{{- end -}}
{{/* Realm "tutela" as KeycloakDirectory.ensureRealm makes it, for Keycloak's import. */}}
{{- define "tutela.realm" -}}
{{- $portal := printf "https://%s" .Values.ingress.host -}}
{{- $smtp := dict "host" .Values.mail.host "port" (toString .Values.mail.port) "from" .Values.mail.from "fromDisplayName" "Tutela" "starttls" (ternary "true" "false" (eq (int .Values.mail.port) 587)) "ssl" (ternary "true" "false" (eq (int .Values.mail.port) 465)) -}}
{{- if .Values.mail.existingSecret -}}
{{- $_ := set $smtp "auth" "true" -}}
{{- $_ := set $smtp "user" "${TUTELA_SMTP_USERNAME}" -}}
{{- $_ := set $smtp "password" "${TUTELA_SMTP_PASSWORD}" -}}
{{- end -}}
{{- $portalClient := dict
    "clientId" "tutela-portal" "name" "Tutela portal" "enabled" true "protocol" "openid-connect"
    "publicClient" false "bearerOnly" false "clientAuthenticatorType" "client-secret" "secret" "${TUTELA_PORTAL_CLIENT_SECRET}"
    "standardFlowEnabled" true "implicitFlowEnabled" false "directAccessGrantsEnabled" false "serviceAccountsEnabled" false
    "redirectUris" (list (printf "%s/login/oauth2/code/keycloak" $portal))
    "webOrigins" (list "+")
    "attributes" (dict
        "pkce.code.challenge.method" "S256"
        "post.logout.redirect.uris" (printf "%s/signed-out" $portal)
        "backchannel.logout.url" (printf "%s/logout/connect/back-channel/keycloak" $portal)
        "backchannel.logout.session.required" "true"
        "oauth2.device.authorization.grant.enabled" "false"
        "oidc.ciba.grant.enabled" "false")
    "defaultClientScopes" (list "web-origins" "acr" "profile" "roles" "basic" "email")
    "optionalClientScopes" (list "address" "phone" "offline_access" "microprofile-jwt" "organization") -}}
{{- $directoryClient := dict
    "clientId" "tutela-directory" "name" "Tutela portal: users and organizations" "enabled" true "protocol" "openid-connect"
    "publicClient" false "bearerOnly" false "clientAuthenticatorType" "client-secret" "secret" "${TUTELA_DIRECTORY_CLIENT_SECRET}"
    "standardFlowEnabled" false "implicitFlowEnabled" false "directAccessGrantsEnabled" false "serviceAccountsEnabled" true
    "redirectUris" (list) -}}
{{- $directoryAccount := dict
    "username" "service-account-tutela-directory" "enabled" true "serviceAccountClientId" "tutela-directory"
    "clientRoles" (dict "realm-management" (list "query-users" "view-users" "manage-users" "manage-organizations")) -}}
{{- $realm := dict
    "realm" "tutela" "displayName" "Tutela" "enabled" true "organizationsEnabled" true
    "registrationAllowed" true "registrationEmailAsUsername" true "loginWithEmailAllowed" true
    "duplicateEmailsAllowed" false "editUsernameAllowed" false
    "internationalizationEnabled" true "supportedLocales" (list "fr" "en") "defaultLocale" "fr"
    "bruteForceProtected" true "permanentLockout" false "failureFactor" 5 "waitIncrementSeconds" 60
    "maxFailureWaitSeconds" 900 "maxDeltaTimeSeconds" 43200
    "passwordPolicy" "length(12) and notUsername(undefined) and notEmail(undefined)"
    "verifyEmail" true "resetPasswordAllowed" true
    "accessTokenLifespan" 300 "accessCodeLifespan" 60 "ssoSessionIdleTimeout" 1800 "ssoSessionMaxLifespan" 36000
    "offlineSessionIdleTimeout" 604800 "actionTokenGeneratedByUserLifespan" 900
    "smtpServer" $smtp
    "clients" (list $portalClient $directoryClient)
    "users" (list $directoryAccount) -}}
{{- toPrettyJson $realm -}}
{{- end -}}

package dev.atlasendpoints.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link AtlasCredentialsException} into Boot's start-up report: what is wrong, and which properties to set. */
final class AtlasCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<AtlasCredentialsException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, AtlasCredentialsException cause) {
    return new FailureAnalysis("The Atlas client could not be configured: " + cause.getMessage() + ".",
        "Configure exactly one kind of credentials: " + AtlasCredentials.PUBLIC_KEY + " and "
            + AtlasCredentials.PRIVATE_KEY + ", or " + AtlasCredentials.CLIENT_ID + " and " + AtlasCredentials.CLIENT_SECRET
            + " (in the application's properties or its environment, e.g. ATLAS_APIKEY_PUBLICKEY and "
            + "ATLAS_APIKEY_PRIVATEKEY); or define your own AtlasClient bean.",
        cause);
  }
}

package dev.apikeys.sdk.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A permission of an API key, written {@code resource.action} on the wire ({@code calls.view}).
 *
 * <p>The server may know permissions this SDK does not: models keep such values as strings (see
 * {@link ApiKey#permissionValues()}), so a value unknown here never breaks a response and is
 * never lost on read-modify-write.
 *
 * <pre>{@code
 * Permission p = Permission.fromValue("calls.view"); // CALLS_VIEW
 * p.resource();                                      // "calls"
 * p.action();                                        // "view"
 * Set<Permission> all = Permission.ofResource("calls");
 * }</pre>
 */
public enum Permission {
  /** {@code companies.delete}. */
  COMPANIES_DELETE("companies.delete"),
  /** {@code companies.update}. */
  COMPANIES_UPDATE("companies.update"),
  /** {@code calls.create}. */
  CALLS_CREATE("calls.create"),
  /** {@code calls.delete}. */
  CALLS_DELETE("calls.delete"),
  /** {@code calls.update}. */
  CALLS_UPDATE("calls.update"),
  /** {@code calls.view}. */
  CALLS_VIEW("calls.view"),
  /** {@code messages.view}. */
  MESSAGES_VIEW("messages.view"),
  /** {@code agents.view}. */
  AGENTS_VIEW("agents.view"),
  /** {@code agents.create}. */
  AGENTS_CREATE("agents.create"),
  /** {@code agents.update}. */
  AGENTS_UPDATE("agents.update"),
  /** {@code agents.delete}. */
  AGENTS_DELETE("agents.delete"),
  /** {@code phones.view}. */
  PHONES_VIEW("phones.view"),
  /** {@code phones.purchase}. */
  PHONES_PURCHASE("phones.purchase"),
  /** {@code phones.delete}. */
  PHONES_DELETE("phones.delete"),
  /** {@code phones.update}. */
  PHONES_UPDATE("phones.update"),
  /** {@code phones.import}. */
  PHONES_IMPORT("phones.import"),
  /** {@code tools.view}. */
  TOOLS_VIEW("tools.view"),
  /** {@code tools.create}. */
  TOOLS_CREATE("tools.create"),
  /** {@code tools.delete}. */
  TOOLS_DELETE("tools.delete"),
  /** {@code tools.update}. */
  TOOLS_UPDATE("tools.update"),
  /** {@code contacts.view}. */
  CONTACTS_VIEW("contacts.view"),
  /** {@code contacts.delete}. */
  CONTACTS_DELETE("contacts.delete"),
  /** {@code conversational_paths.view}. */
  CONVERSATIONAL_PATHS_VIEW("conversational_paths.view"),
  /** {@code conversational_paths.create}. */
  CONVERSATIONAL_PATHS_CREATE("conversational_paths.create"),
  /** {@code conversational_paths.delete}. */
  CONVERSATIONAL_PATHS_DELETE("conversational_paths.delete"),
  /** {@code conversational_paths.update}. */
  CONVERSATIONAL_PATHS_UPDATE("conversational_paths.update"),
  /** {@code knowledge_bases.view}. */
  KNOWLEDGE_BASES_VIEW("knowledge_bases.view"),
  /** {@code knowledge_bases.create}. */
  KNOWLEDGE_BASES_CREATE("knowledge_bases.create"),
  /** {@code knowledge_bases.delete}. */
  KNOWLEDGE_BASES_DELETE("knowledge_bases.delete"),
  /** {@code knowledge_bases.update}. */
  KNOWLEDGE_BASES_UPDATE("knowledge_bases.update"),
  /** {@code webhooks.view}. */
  WEBHOOKS_VIEW("webhooks.view"),
  /** {@code webhooks.create}. */
  WEBHOOKS_CREATE("webhooks.create"),
  /** {@code webhooks.delete}. */
  WEBHOOKS_DELETE("webhooks.delete"),
  /** {@code webhooks.update}. */
  WEBHOOKS_UPDATE("webhooks.update"),
  /** {@code members.view}. */
  MEMBERS_VIEW("members.view"),
  /** {@code members.create}. */
  MEMBERS_CREATE("members.create"),
  /** {@code members.delete}. */
  MEMBERS_DELETE("members.delete"),
  /** {@code members.update}. */
  MEMBERS_UPDATE("members.update"),
  /** {@code billing.view}. */
  BILLING_VIEW("billing.view"),
  /** {@code billing.update}. */
  BILLING_UPDATE("billing.update"),
  /** {@code api_keys.view}. */
  API_KEYS_VIEW("api_keys.view"),
  /** {@code api_keys.create}. */
  API_KEYS_CREATE("api_keys.create"),
  /** {@code api_keys.delete}. */
  API_KEYS_DELETE("api_keys.delete"),
  /** {@code api_keys.update}. */
  API_KEYS_UPDATE("api_keys.update"),
  /** {@code voices.view}. */
  VOICES_VIEW("voices.view"),
  /** {@code transcriptions.view}. */
  TRANSCRIPTIONS_VIEW("transcriptions.view"),
  /** {@code recordings.view}. */
  RECORDINGS_VIEW("recordings.view"),
  /** {@code stats.view}. */
  STATS_VIEW("stats.view"),
  /** {@code verifications.create}. */
  VERIFICATIONS_CREATE("verifications.create"),
  /** {@code verifications.view}. */
  VERIFICATIONS_VIEW("verifications.view"),
  /** {@code notifications.view}. */
  NOTIFICATIONS_VIEW("notifications.view"),
  /** {@code notifications.update}. */
  NOTIFICATIONS_UPDATE("notifications.update"),
  /** {@code logs.view}. */
  LOGS_VIEW("logs.view"),
  /** {@code integrations.view}. */
  INTEGRATIONS_VIEW("integrations.view"),
  /** {@code integrations.create}. */
  INTEGRATIONS_CREATE("integrations.create"),
  /** {@code integrations.update}. */
  INTEGRATIONS_UPDATE("integrations.update"),
  /** {@code integrations.delete}. */
  INTEGRATIONS_DELETE("integrations.delete"),
  /** {@code workflows.view}. */
  WORKFLOWS_VIEW("workflows.view"),
  /** {@code workflows.create}. */
  WORKFLOWS_CREATE("workflows.create"),
  /** {@code workflows.update}. */
  WORKFLOWS_UPDATE("workflows.update"),
  /** {@code workflows.delete}. */
  WORKFLOWS_DELETE("workflows.delete");

  private static final Map<String, Permission> BY_VALUE = Arrays.stream(values())
      .collect(Collectors.toUnmodifiableMap(Permission::value, Function.identity()));

  private final String value;

  Permission(String value) {
    this.value = value;
  }

  /**
   * Returns the wire value, such as {@code calls.view}.
   *
   * @return the wire value, such as {@code calls.view}
   */
  @JsonValue
  public String value() {
    return value;
  }

  /**
   * Returns the resource part of the value: {@code calls} for {@code calls.view}.
   *
   * @return the resource part of the value: {@code calls} for {@code calls.view}
   */
  public String resource() {
    return value.substring(0, value.indexOf('.'));
  }

  /**
   * Returns the action part of the value: {@code view} for {@code calls.view}.
   *
   * @return the action part of the value: {@code view} for {@code calls.view}
   */
  public String action() {
    return value.substring(value.indexOf('.') + 1);
  }

  /**
   * Returns the constant for a wire value.
   *
   * @param value a wire value such as {@code calls.view}
   * @return the constant
   * @throws IllegalArgumentException if the value is not a permission this SDK knows
   * @throws NullPointerException if the value is null
   */
  @JsonCreator
  public static Permission fromValue(String value) {
    Permission permission = BY_VALUE.get(Objects.requireNonNull(value, "value must not be null"));
    if (permission == null) {
      throw new IllegalArgumentException("Unknown permission: '" + value
          + "'; expected one of Permission.values(), such as calls.view");
    }
    return permission;
  }

  /**
   * Returns the constant for a wire value, or empty when this SDK does not know it.
   *
   * @param value a wire value, may be null
   * @return the constant, or empty
   */
  public static Optional<Permission> find(String value) {
    return value == null ? Optional.empty() : Optional.ofNullable(BY_VALUE.get(value));
  }

  /**
   * Returns every permission of one resource, such as all of {@code calls}.
   *
   * @param resource the resource part, such as {@code calls}
   * @return the permissions of that resource in declaration order; empty for an unknown resource
   */
  public static Set<Permission> ofResource(String resource) {
    Set<Permission> matching = EnumSet.noneOf(Permission.class);
    for (Permission permission : values()) {
      if (permission.resource().equals(resource)) {
        matching.add(permission);
      }
    }
    return Collections.unmodifiableSet(matching);
  }

  /**
   * Returns the wire value.
   *
   * @return the wire value
   */
  @Override
  public String toString() {
    return value;
  }
}

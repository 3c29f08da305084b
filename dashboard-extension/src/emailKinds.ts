import type { IntlShape } from "react-intl";

/** The kind of e-mail an activity-log entry sends: its templates' folder under
 * saleor_services/templates/saleor_services/emails/ (notifications/kinds.py `customer_kind`). */
export function emailKind(eventType: string): string {
  return eventType === "CREATED" ? "activated" : eventType.toLowerCase();
}

/** The e-mail's kind in the Dashboard's language ("emails.kind.<folder>"); an event with no
 * template of its own falls back to the event's name. */
export function emailKindName(intl: IntlShape, eventType: string): string {
  const id = `emails.kind.${emailKind(eventType)}`;
  return id in intl.messages ? intl.formatMessage({ id }) : intl.formatMessage({ id: `event.${eventType}` });
}

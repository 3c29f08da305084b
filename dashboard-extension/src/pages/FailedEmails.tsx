import { Box, Button, Text } from "@saleor/macaw-ui";
import { useState } from "react";
import { useIntl } from "react-intl";
import { useApp } from "../App";
import { refusalsOf, usePageQuery } from "../client";
import { useClient } from "urql";
import { Empty, Failure, Loading, refusalSentence } from "../components/common";
import { emailKindName } from "../emailKinds";
import type { FailedEmailsQuery as FailedEmailsData } from "../gql/graphql";
import { EmailRetryMutation, FailedEmailsQuery } from "../queries";

type FailedEmail = FailedEmailsData["serviceFailedEmails"][number];

/** Customer e-mails that failed every try (serviceFailedEmails), each with a retry. */
export function FailedEmails() {
  const { navigate } = useApp();
  const intl = useIntl();
  const client = useClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [sent, setSent] = useState<Set<string>>(new Set());
  const { data, error, refetch: load } = usePageQuery(FailedEmailsQuery, {});
  const emails = data?.serviceFailedEmails.filter((email) => !sent.has(email.id));

  const retry = async (email: FailedEmail) => {
    setNotice(null);
    const outcome = await client.mutation(EmailRetryMutation, { id: email.id }).toPromise();
    const [refusal] = refusalsOf(intl, outcome);
    setNotice(refusal ? (refusal.code === "INVALID_TRANSITION"
      ? intl.formatMessage({ id: "emails.notFailed" }) : refusalSentence(intl, refusal))
      : intl.formatMessage({ id: "emails.retried" }, { recipient: email.recipient }));
    if (!refusal) setSent((ids) => new Set(ids).add(email.id));
  };

  return (
    <Box display="flex" flexDirection="column" gap={4} data-testid="failed-emails">
      <Text size={6} fontWeight="bold">{intl.formatMessage({ id: "emails.title" })}</Text>
      {notice && <Text role="status" data-testid="notice">{notice}</Text>}
      {error ? <Failure error={error} retry={load} /> : !emails ? <Loading text={intl.formatMessage({ id: "state.loading" })} /> :
        !emails.length ? (
          <Empty title={intl.formatMessage({ id: "emails.none" })}>{intl.formatMessage({ id: "emails.noneHint" })}</Empty>
        ) : (
          <Box display="flex" flexDirection="column" gap={2}>
            {emails.map((email) => (
              <Box key={email.id} data-email={email.id} display="flex" gap={3} alignItems="center" flexWrap="wrap"
                   padding={3} borderStyle="solid" borderWidth={1} borderColor="default1" borderRadius={4}>
                <Button size="small" variant="tertiary"
                        onClick={() => navigate(`/services/${encodeURIComponent(email.service.id)}`)}>
                  {email.service.productName}
                </Button>
                <Text size={2}>{email.service.domain || "—"}</Text>
                <Text size={2}>{email.recipient}</Text>
                <Text size={2} __whiteSpace="nowrap">{email.date.slice(0, 10)}</Text>
                <Text size={2} color="default2" data-testid="email-kind" data-kind={email.eventType}>{emailKindName(intl, email.eventType)}</Text>
                <Text size={2} color="default2" data-testid="email-error">{email.error}</Text>
                <Button size="small" variant="secondary" onClick={() => retry(email)}>
                  {intl.formatMessage({ id: "emails.retry" })}
                </Button>
              </Box>
            ))}
          </Box>
        )}
    </Box>
  );
}

import { Box, Button, Text } from "@saleor/macaw-ui";
import { useCallback, useEffect, useState } from "react";
import { useIntl } from "react-intl";
import { useApp } from "../App";
import { Empty, Failure, Loading } from "../components/common";
import { EMAIL_RETRY, FAILED_EMAILS } from "../queries";

interface FailedEmail {
  id: string; eventType: string; date: string; recipient: string; attempts: number; error: string;
  service: { id: string; productName: string; domain: string };
}

/** Customer e-mails that failed every try (serviceFailedEmails), each with a retry. */
export function FailedEmails() {
  const { graphql, navigate } = useApp();
  const intl = useIntl();
  const [emails, setEmails] = useState<FailedEmail[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const data = await graphql<{ serviceFailedEmails: FailedEmail[] }>(FAILED_EMAILS);
      setEmails(data.serviceFailedEmails);
    } catch (failure) {
      setError(String((failure as Error).message));
    }
  }, [graphql]);
  useEffect(() => { load(); }, [load]);

  const retry = async (email: FailedEmail) => {
    setNotice(null);
    try {
      const data = await graphql<{ serviceEmailRetry: { errors: { message: string }[] } }>(EMAIL_RETRY, { id: email.id });
      const [refusal] = data.serviceEmailRetry.errors;
      setNotice(refusal ? refusal.message : intl.formatMessage({ id: "emails.retried" }, { recipient: email.recipient }));
      if (!refusal) setEmails((list) => (list ?? []).filter((item) => item.id !== email.id));
    } catch (failure) {
      setNotice(String((failure as Error).message));
    }
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
                <Text size={2} color="default2">{email.eventType}</Text>
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

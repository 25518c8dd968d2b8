import { Body, Button, Container, Head, Hr, Html, Link, Preview, render, Section, Text } from "@react-email/components";

// Every email is a few blocks: paragraphs, at most one action (a link as a button) and lists of
// entries (a digest's new hires). react-email renders them to HTML and escapes every value; the
// plain-text part is made from that same HTML, so the two always say the same.
export type EmailBlock =
  | { paragraph: string }
  | { action: { label: string; url: string } }
  | { entries: Array<{ title: string; lines: string[]; link?: { label: string; url: string } }> };

export type RenderedEmail = { subject: string; text: string; html: string };

const styles = {
  body: {
    margin: 0,
    padding: "24px",
    backgroundColor: "#f3f4f6",
    fontFamily: "system-ui, -apple-system, 'Segoe UI', sans-serif",
    color: "#111827",
  },
  container: { maxWidth: "560px", backgroundColor: "#ffffff", borderRadius: "8px", padding: "24px" },
  paragraph: { margin: "0 0 16px", fontSize: "15px", lineHeight: "1.5" },
  button: {
    display: "inline-block",
    padding: "10px 16px",
    backgroundColor: "#1d4ed8",
    color: "#ffffff",
    borderRadius: "6px",
    fontWeight: 600,
    textDecoration: "none",
  },
  url: { margin: "8px 0 16px", fontSize: "13px", color: "#4b5563", wordBreak: "break-all" as const },
  entry: { margin: "0 0 12px", paddingLeft: "12px", borderLeft: "3px solid #cbd5e1" },
  entryTitle: { margin: 0, fontSize: "15px", fontWeight: 600 },
  entryLine: { margin: 0, fontSize: "14px", color: "#374151" },
  footer: { margin: "0 0 8px", fontSize: "13px", color: "#6b7280" },
};

function Block({ block }: { block: EmailBlock }) {
  if ("paragraph" in block) return <Text style={styles.paragraph}>{block.paragraph}</Text>;
  if ("action" in block)
    return (
      <Section>
        <Button href={block.action.url} style={styles.button}>
          {block.action.label}
        </Button>
        <Text style={styles.url}>{block.action.url}</Text>
      </Section>
    );
  return (
    <Section>
      {block.entries.map((entry, index) => (
        <Section key={index} style={styles.entry}>
          <Text style={styles.entryTitle}>{entry.title}</Text>
          {entry.lines.map((line) => (
            <Text key={line} style={styles.entryLine}>
              {line}
            </Text>
          ))}
          {entry.link && (
            <Text style={styles.entryLine}>
              <Link href={entry.link.url}>{entry.link.label}</Link>
            </Text>
          )}
        </Section>
      ))}
    </Section>
  );
}

function EmailLayout({ locale, subject, blocks, footer }: LayoutInput) {
  return (
    <Html lang={locale}>
      <Head>
        <title>{subject}</title>
      </Head>
      <Preview>{subject}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          {blocks.map((block, index) => (
            <Block key={index} block={block} />
          ))}
          <Hr />
          {footer.map((line) => (
            <Text key={line} style={styles.footer}>
              {line}
            </Text>
          ))}
        </Container>
      </Body>
    </Html>
  );
}

type LayoutInput = { locale: string; subject: string; blocks: EmailBlock[]; footer: string[] };

export async function layoutEmail(input: LayoutInput): Promise<RenderedEmail> {
  const element = <EmailLayout {...input} />;
  const [html, text] = await Promise.all([
    render(element),
    // Unwrapped lines: the transport encodes long lines, and a wrapped link breaks in some clients.
    render(element, { plainText: true, htmlToTextOptions: { wordwrap: false } }),
  ]);
  return { subject: input.subject, text, html };
}

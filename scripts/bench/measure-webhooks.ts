// 1,000 webhook deliveries from 50 concurrent senders to one Greenhouse source, built from
// Greenhouse's published hire_candidate example: 600 distinct candidates, 300 later events for
// some of them (new event ids: updates), 100 exact re-deliveries (replays). Then the database
// must hold exactly one candidate per distinct external id, none lost.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { encryptSecret } from "@/lib/crypto";
import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { signatureHeader } from "@/lib/webhooks/signatures";

import { createRandom, shuffled } from "./random";
import { percentile } from "./stats";

export type WebhookRun = {
  deliveries: number;
  senders: number;
  distinctIds: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  perSecond: number;
  statuses: Record<string, number>;
  candidatesForIds: number;
  duplicatesInDb: number;
  lost: number;
};

const TEMPLATE = fs.readFileSync(path.join("e2e", "fixtures", "webhooks", "greenhouse-hire_candidate.json"), "utf8");

function hireBody(id: number, version: number) {
  return TEMPLATE.replaceAll("35897443", String(id))
    .replace("personal@example.com", `hire.${id}@example.com`)
    .replace('"starts_at": "2015-01-23"', `"starts_at": "2027-0${1 + (version % 9)}-01"`);
}

export async function createBenchSource(databaseUrl: string, encryptionKey: string) {
  const prisma = createPrismaClient(databaseUrl);
  try {
    const secret = randomBytes(32).toString("base64url");
    const pathToken = randomBytes(24).toString("base64url");
    await prisma.webhookSource.create({
      data: {
        kind: "greenhouse",
        name: "Bench Greenhouse",
        externalSource: "greenhouse",
        pathToken,
        secretEncrypted: encryptSecret(secret, encryptionKey),
      },
    });
    return { secret, pathToken };
  } finally {
    await prisma.$disconnect();
  }
}

export async function runWebhookBurst(options: {
  baseUrl: string;
  databaseUrl: string;
  secret: string;
  pathToken: string;
  idBase: number;
  deliveries?: number;
  senders?: number;
}): Promise<WebhookRun> {
  const deliveries = options.deliveries ?? 1_000;
  const senders = options.senders ?? 50;
  const distinct = Math.round(deliveries * 0.6);
  const updates = Math.round(deliveries * 0.3);
  type Delivery = { body: string; eventId: string };
  const planned: Delivery[] = [];
  for (let index = 0; index < distinct; index += 1)
    planned.push({ body: hireBody(options.idBase + index, 0), eventId: `bench-${options.idBase}-${index}` });
  for (let index = 0; index < updates; index += 1)
    planned.push({
      body: hireBody(options.idBase + (index % distinct), 1 + index),
      eventId: `bench-${options.idBase}-u${index}`,
    });
  // Exact re-deliveries of the first events (same body, same event id): must change nothing.
  for (let index = planned.length; index < deliveries; index += 1) planned.push(planned[index % distinct]!);
  // Shuffled (a fixed seed), so an update or a replay can race its own creation.
  const order = shuffled(planned, createRandom(42));

  const url = `${options.baseUrl}/api/webhooks/${options.pathToken}`;
  const durations: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: senders }, async () => {
      for (;;) {
        const delivery = order[next++];
        if (!delivery) return;
        const [name, value] = signatureHeader("greenhouse", options.secret, delivery.body);
        const begin = performance.now();
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", "greenhouse-event-id": delivery.eventId, [name]: value },
          body: delivery.body,
        });
        const answer = (await response.json()) as { status?: string };
        durations.push(performance.now() - begin);
        const key = `${response.status} ${answer.status ?? "?"}`;
        statuses[key] = (statuses[key] ?? 0) + 1;
      }
    }),
  );
  const wallSeconds = (performance.now() - started) / 1000;

  const prisma = createPrismaClient(options.databaseUrl);
  try {
    const ids = Array.from({ length: distinct }, (_, index) => String(options.idBase + index));
    const rows = await prisma.candidate.groupBy({
      by: ["externalId"],
      where: { externalSource: "greenhouse", externalId: { in: ids } },
      _count: { _all: true },
    });
    return {
      deliveries,
      senders,
      distinctIds: distinct,
      p50Ms: percentile(durations, 50),
      p95Ms: percentile(durations, 95),
      maxMs: Math.max(...durations),
      perSecond: deliveries / wallSeconds,
      statuses,
      candidatesForIds: rows.length,
      duplicatesInDb: rows.filter((row) => row._count._all > 1).length,
      lost: distinct - rows.length,
    };
  } finally {
    await prisma.$disconnect();
  }
}

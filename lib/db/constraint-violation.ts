import { Prisma } from "@/generated/prisma/client";

type DriverAdapterErrorMeta = { driverAdapterError?: { cause?: { kind?: unknown } } };

/**
 * Which constraint a write broke: a model query reports it as P2002 (unique) or P2003 (foreign
 * key); a raw statement ($executeRaw) as P2010, "raw query failed", with the driver adapter's own
 * error kind in its meta. Null for any other error.
 */
export function constraintViolation(error: unknown): "unique" | "foreign_key" | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return null;
  if (error.code === "P2002") return "unique";
  if (error.code === "P2003") return "foreign_key";
  if (error.code !== "P2010") return null;
  const kind = (error.meta as DriverAdapterErrorMeta | undefined)?.driverAdapterError?.cause?.kind;
  if (kind === "UniqueConstraintViolation") return "unique";
  if (kind === "ForeignKeyConstraintViolation") return "foreign_key";
  return null;
}

import { buildOpenApiDocument } from "@/lib/api/openapi";

// Public, like most API descriptions: it holds the shapes, no data.
export function GET() {
  return Response.json(buildOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}

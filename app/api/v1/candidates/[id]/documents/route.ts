import { handleApiDocumentUpload } from "@/lib/documents/api-upload";

export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return handleApiDocumentUpload(request, (await context.params).id);
}

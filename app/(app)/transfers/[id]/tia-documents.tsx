"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useRef, useState } from "react";
import { formatBytes } from "@/app/_components/request-labels";
import { useCan } from "@/app/_components/session";
import { useToast } from "@/app/_components/toast";
import { useTRPC } from "@/app/_trpc/client";
import { uploadPdf } from "../../safeguards/[id]/safeguard-documents";

/** A TIA's uploaded documents (PDF, stored by SHA-256) and, for editors, an upload control. */
export function TiaDocuments({ tiaId, completed }: { tiaId: string; completed: string }) {
  const trpc = useTRPC();
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const files = useQuery(trpc.file.list.queryOptions({ tiaId }));
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    const message = await uploadPdf(`kind=tia_document&tiaId=${encodeURIComponent(tiaId)}`, file);
    setBusy(false);
    if (input.current) input.current.value = "";
    if (message) return setError(message);
    toast("TIA document stored.");
    void queryClient.invalidateQueries({ queryKey: trpc.file.pathKey() });
  };
  return (
    <div className="mt-2 space-y-1">
      {files.data?.map((f) => (
        <a key={f.id} href={`/api/files/stored/${f.id}`} download className="flex items-center gap-1 text-xs font-medium text-indigo-700 hover:underline">
          <Download className="size-3.5" aria-hidden /> {f.originalName} <span className="font-normal text-slate-500">({formatBytes(f.size)})</span>
        </a>
      ))}
      {can("file.upload") ? (
        <label className="block text-xs text-slate-600">
          <span className="mr-2">Upload the TIA document of {completed} (PDF)</span>
          <input
            ref={input}
            type="file"
            accept="application/pdf,.pdf"
            disabled={busy}
            className="text-xs file:mr-2 file:rounded file:border-0 file:bg-indigo-50 file:px-2 file:py-1 file:text-xs file:text-indigo-700"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
            }}
          />
        </label>
      ) : null}
      {busy ? <p className="text-xs text-slate-600">Uploading…</p> : null}
      {error ? (
        <p className="text-xs text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

"use client";

import { Button } from "./ui/button";
import { Dialog } from "./ui/dialog";
import { ErrorState } from "./ui/states";

/** Confirms archiving a record (never a delete), showing why it failed if it did. */
export function ArchiveDialog({
  open,
  onClose,
  title,
  description,
  noun,
  error,
  pending,
  onConfirm,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description: string;
  /** "party", "transfer"…: the confirm button reads "Archive party". */
  noun: string;
  error: { message: string } | null;
  pending: boolean;
  onConfirm: () => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={title} description={description}>
      {error ? (
        <div className="mb-4">
          <ErrorState title="Could not archive" message={error.message} />
        </div>
      ) : null}
      <div className="flex justify-end gap-3">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="danger" loading={pending} onClick={onConfirm}>
          Archive {noun}
        </Button>
      </div>
    </Dialog>
  );
}

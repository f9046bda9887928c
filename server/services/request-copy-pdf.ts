/**
 * The copy of the safeguards as a PDF, drawn with pdfkit from the same blocks as the HTML copy
 * (server/domain/requests/copy.ts) with the fonts shipped in the repository (server/assets/fonts: Geist, SIL Open
 * Font License 1.1; nothing is fetched). Deterministic: the creation date is a parameter (the copy's generation
 * time), pdfkit's font subset tags and file ID derive from the content, so the same blocks and date give the same
 * bytes. The bytes are stored once and served as stored (never regenerated on download).
 */
import path from "node:path";
import PDFDocument from "pdfkit";
import type { CopyBlock } from "@/server/domain/requests/copy";

export const FONT_DIR = path.join(process.cwd(), "server", "assets", "fonts");
const REGULAR = path.join(FONT_DIR, "Geist-Regular.ttf");
const BOLD = path.join(FONT_DIR, "Geist-Bold.ttf");

const INK = "#0f172a";
const MUTED = "#475569";
const LINK = "#3730a3";
const AMBER = "#92400e";

export function renderCopyPdf(blocks: CopyBlock[], createdAt: Date): Promise<Buffer> {
  const title = blocks.find((b) => b.kind === "title");
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    font: REGULAR,
    compress: true,
    pdfVersion: "1.7",
    lang: "en",
    info: {
      Title: title && "text" in title ? title.text : "Copy of the safeguards",
      Author: "Transfer Registry",
      Creator: "Transfer Registry",
      Producer: "Transfer Registry (pdfkit)",
      CreationDate: createdAt,
      ModDate: createdAt,
    },
  });
  doc.registerFont("regular", REGULAR);
  doc.registerFont("bold", BOLD);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  const labelled = (label: string, text: string, options: PDFKit.Mixins.TextOptions = {}, color = INK) => {
    doc.font("bold").fontSize(10).fillColor(INK).text(`${label}: `, { continued: true, width });
    doc.font("regular").fillColor(color).text(text, { width, ...options });
  };

  for (const b of blocks) {
    switch (b.kind) {
      case "title":
        doc.font("bold").fontSize(18).fillColor(INK).text(b.text, { width });
        doc.moveDown(0.6);
        break;
      case "heading":
        doc.moveDown(0.8);
        doc.font("bold").fontSize(14).fillColor(INK).text(b.text, { width });
        doc.moveTo(doc.page.margins.left, doc.y + 2).lineTo(doc.page.margins.left + width, doc.y + 2).strokeColor("#cbd5e1").stroke();
        doc.moveDown(0.5);
        break;
      case "subheading":
        doc.moveDown(0.6);
        doc.font("bold").fontSize(11.5).fillColor(INK).text(b.text, { width });
        doc.moveDown(0.2);
        break;
      case "paragraph":
        doc.font("regular").fontSize(10).fillColor(INK).text(b.text, { width });
        doc.moveDown(0.4);
        break;
      case "field":
        labelled(b.label, b.text);
        break;
      case "link":
        labelled(b.label, b.text);
        if (/^https?:\/\//i.test(b.uri)) doc.font("regular").fontSize(9).fillColor(LINK).text(b.uri, { width, link: b.uri, underline: true });
        break;
      case "part":
        doc.moveDown(0.3);
        doc.font("bold").fontSize(10).fillColor(INK).text(b.label, { width });
        doc.font("regular").fontSize(9.5).fillColor(MUTED).text(b.text, { width });
        break;
      case "redaction":
        doc.moveDown(0.3);
        doc.font("bold").fontSize(10).fillColor(AMBER).text(`${b.label} [redacted]`, { width });
        labelled("Summary", b.summary);
        labelled("Reason for the redaction", b.reason, {}, MUTED);
        break;
    }
  }
  doc.end();
  return done;
}

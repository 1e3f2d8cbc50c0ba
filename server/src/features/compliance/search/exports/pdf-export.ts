/**
 * The printable PDF export (pdfkit): a title block naming the exporter, time and filters, then
 * each record (time, conversation, sender, what happened, the text), and on every page a footer
 * with the exporter, time and page number. Chinese needs a CJK font embedded in the file: the
 * one CONCORD_PDF_FONT names (a TTF/OTF, or `collection.ttc#PostScriptName`); when it is missing
 * the export fails with 503 font_unavailable instead of printing empty boxes.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { DomainError } from '../../../../platform/errors.js';
import {
  conversationKindLabel,
  type ExportFile,
  exportNote,
  exportText,
  readableTime,
  senderKindLabel,
  TYPE_LABELS,
} from './export-labels.js';

export type PdfFont = { path: string; family: string | undefined };

const fontMissing = (spec: string, why: string) =>
  new DomainError('font_unavailable', `The PDF font ${spec} cannot be used (${why}); set CONCORD_PDF_FONT`, {
    font: spec,
  });

/** Parses and checks the font setting; throws font_unavailable when the file is not there. */
export function pdfFont(spec: string): PdfFont {
  const hash = spec.lastIndexOf('#');
  const path = hash > 0 ? spec.slice(0, hash) : spec;
  const family = hash > 0 ? spec.slice(hash + 1) : undefined;
  if (!existsSync(path)) throw fontMissing(spec, 'no such file');
  if (/\.(ttc|otc)$/i.test(path) && !family) throw fontMissing(spec, 'a font collection needs #PostScriptName');
  return { path, family };
}

const MARGIN = 50;
const FOOTER_GAP = 30;

function loadFont(doc: PDFKit.PDFDocument, font: PdfFont, spec: string): void {
  try {
    if (font.family) doc.registerFont('cjk', font.path, font.family);
    else doc.registerFont('cjk', font.path);
    doc.font('cjk');
  } catch (err) {
    throw fontMissing(spec, err instanceof Error ? err.message : 'unreadable');
  }
}

export async function renderPdf(file: ExportFile, fontSpec: string): Promise<Buffer> {
  const font = pdfFont(fontSpec);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_GAP, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: file.title,
      Author: file.exportedBy.name,
      Creator: 'Concord',
      CreationDate: new Date(file.exportedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  loadFont(doc, font, fontSpec);

  doc.fontSize(16).fillColor('#000').text(file.title);
  doc.moveDown(0.3).fontSize(9).fillColor('#555').text(exportNote(file));
  const filters = Object.entries(file.filters)
    .map(([k, v]) => `${k}=${v}`)
    .join('　');
  if (filters) doc.text(`条件：${filters}`);
  doc.moveDown(0.8);

  for (const r of file.records) {
    const who = r.sender ? `${r.sender.name}（${senderKindLabel(r.sender.kind)}）` : '';
    doc
      .fontSize(8.5)
      .fillColor('#777')
      .text(
        `${readableTime(r.at)}　${r.conversation.name}（${conversationKindLabel(r.conversation.kind)}）　${who}　${TYPE_LABELS[r.type]}　#${r.seq}`,
      );
    doc
      .fontSize(10.5)
      .fillColor('#000')
      .text(exportText(r) || '—');
    if (r.previousText !== null) doc.fontSize(9).fillColor('#555').text(`修改前：${r.previousText}`);
    if (r.fileName !== null) doc.fontSize(9).fillColor('#555').text(`文件：${r.fileName}`);
    doc.moveDown(0.6);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin must not start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor('#777')
      .text(`${exportNote(file)}　第 ${i + 1} / ${range.count} 页`, MARGIN, doc.page.height - MARGIN - 10, {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

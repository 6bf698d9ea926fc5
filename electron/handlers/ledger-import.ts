import type { LedgerImportPreview, LedgerImportResult, ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { applyLedgerImport, previewLedgerImport } from '../services/ledger-import/import-ledger';

function requestOf(input: ParsedInput<'ledger.previewImport'>) {
  return {
    fileName: input.fileName,
    bytes: Buffer.from(input.contentBase64, 'base64'),
    defaultChainId: input.defaultChainId,
    columnMap: input.columnMap,
    rowChains: input.rowChains,
  };
}

export const ledgerImportHandlers = {
  'ledger.previewImport': async (
    ctx: AppContext,
    input: ParsedInput<'ledger.previewImport'>,
  ): Promise<LedgerImportPreview> => previewLedgerImport(ctx, requestOf(input)),

  'ledger.applyImport': async (
    ctx: AppContext,
    input: ParsedInput<'ledger.applyImport'>,
  ): Promise<LedgerImportResult> =>
    applyLedgerImport(ctx, { ...requestOf(input), fingerprint: input.fingerprint, skipErrors: input.skipErrors }),
};

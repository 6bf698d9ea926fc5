import { z } from 'zod';
import {
  BULLETIN_DOC_NUMBER_MAX,
  BULLETIN_HONOUR_DEFAULT,
  BULLETIN_HONOUR_MAX,
  BULLETIN_SUMMARY_MAX,
  type BulletinPrint,
  type BulletinText,
} from '../../db/model/bulletin';
import type { ExportedFile } from '../../db/model/exported-file';
import { optionalText, requiredText } from '../../db/model/validation';
import { method, monthNumber, planYear, readVersion } from './spec-shared';

const honourSize = z
  .number({ error: `红榜、黑榜的单位数应为1—${BULLETIN_HONOUR_MAX}` })
  .int({ error: `红榜、黑榜的单位数应为1—${BULLETIN_HONOUR_MAX}` })
  .min(1, { error: `红榜、黑榜的单位数应为1—${BULLETIN_HONOUR_MAX}` })
  .max(BULLETIN_HONOUR_MAX, { error: `红榜、黑榜的单位数应为1—${BULLETIN_HONOUR_MAX}` })
  .default(BULLETIN_HONOUR_DEFAULT);

const bulletinMonth = z.object({ year: planYear, month: monthNumber, honourSize }).strict();

export const bulletinSpec = {
  /** 月度通报 of month N: texts, rankings, 红榜/黑榜, red projects, the month-by-month figures for its chart */
  'bulletin.printData': method<BulletinPrint>()(bulletinMonth),
  /** the month's 文号 and summary as the clerk edited them; `summary: null` goes back to the composed paragraph */
  'bulletin.saveText': method<BulletinText>()(
    z
      .object({
        year: planYear,
        month: monthNumber,
        docNumber: optionalText('文号', BULLETIN_DOC_NUMBER_MAX),
        summary: requiredText('通报摘要', BULLETIN_SUMMARY_MAX).nullable(),
        version: readVersion,
      })
      .strict(),
  ),
  /** the bulletin's tables as a workbook: both rankings, 红榜/黑榜 and the red projects */
  'bulletin.export': method<ExportedFile>()(bulletinMonth),
};

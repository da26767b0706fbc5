import type { Migration, MigrationProvider } from 'kysely';
import * as targets from './2026_11_24_0001_targets.ts';
import * as organisations from './2026_11_24_0002_organisations.ts';
import * as audit from './2026_11_24_0003_audit.ts';
import * as accounts from './2026_11_24_0004_accounts.ts';
import * as workflow from './2026_11_24_0005_workflow.ts';
import * as monitoring from './2026_11_24_0006_monitoring.ts';
import * as evaluation from './2026_11_24_0007_evaluation.ts';
import * as summaries from './2026_11_25_0008_summaries.ts';
import * as jobs from './2026_11_25_0009_jobs.ts';
import * as listIndexes from './2026_11_25_0010_list_indexes.ts';
import * as projectReadFunction from './2026_12_02_0011_project_read_function.ts';
import * as organisationAdmin from './2026_12_07_0013_organisation_admin.ts';
import * as versions from './2026_12_07_0014_versions.ts';
import * as accountManagement from './2026_12_07_0012_account_management.ts';
import * as instance from './2026_12_07_0015_instance.ts';
import * as layoutFields from './2026_12_07_0016_layout_fields.ts';
import * as reviewOpinions from './2026_12_07_0017_review_opinions.ts';
import * as evaluationProcedure from './2026_12_07_0018_evaluation_procedure.ts';
import * as monitoringSubmission from './2026_12_07_0019_monitoring_submission.ts';
import * as followUpIntoActions from './2026_12_07_0020_follow_up_into_actions.ts';
import * as fiscalYears from './2026_12_07_0021_fiscal_years.ts';
import * as notifications from './2026_12_07_0022_notifications.ts';
import * as departmentEvaluation from './2026_12_07_0023_department_evaluation.ts';
import * as selfReports from './2026_12_07_0024_self_reports.ts';
import * as disclosure from './2026_12_07_0025_disclosure.ts';
import * as organisationTypes from './2026_12_07_0027_organisation_types.ts';
import * as departmentOwnUnits from './2026_12_07_0028_department_own_units.ts';
import * as rectificationNotices from './2026_12_07_0026_rectification_notices.ts';

/**
 * Forward-only: a migration, once released, is never edited; a change is a new file. Names sort
 * by their timestamp, which is the order Kysely applies them in.
 */
const migrations: Record<string, Migration> = {
  '2026_11_24_0001_targets': targets,
  '2026_11_24_0002_organisations': organisations,
  '2026_11_24_0003_audit': audit,
  '2026_11_24_0004_accounts': accounts,
  '2026_11_24_0005_workflow': workflow,
  '2026_11_24_0006_monitoring': monitoring,
  '2026_11_24_0007_evaluation': evaluation,
  '2026_11_25_0008_summaries': summaries,
  '2026_11_25_0009_jobs': jobs,
  '2026_11_25_0010_list_indexes': listIndexes,
  '2026_12_02_0011_project_read_function': projectReadFunction,
  '2026_12_07_0013_organisation_admin': organisationAdmin,
  '2026_12_07_0014_versions': versions,
  '2026_12_07_0012_account_management': accountManagement,
  '2026_12_07_0015_instance': instance,
  '2026_12_07_0016_layout_fields': layoutFields,
  '2026_12_07_0017_review_opinions': reviewOpinions,
  '2026_12_07_0018_evaluation_procedure': evaluationProcedure,
  '2026_12_07_0019_monitoring_submission': monitoringSubmission,
  '2026_12_07_0020_follow_up_into_actions': followUpIntoActions,
  '2026_12_07_0021_fiscal_years': fiscalYears,
  '2026_12_07_0022_notifications': notifications,
  '2026_12_07_0023_department_evaluation': departmentEvaluation,
  '2026_12_07_0024_self_reports': selfReports,
  '2026_12_07_0025_disclosure': disclosure,
  '2026_12_07_0027_organisation_types': organisationTypes,
  '2026_12_07_0028_department_own_units': departmentOwnUnits,
  '2026_12_07_0026_rectification_notices': rectificationNotices,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

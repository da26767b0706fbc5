import { Alert, App, Button, Drawer, Form, Skeleton, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../http/client.ts';
import { createProject, fetchProject, updateProject } from '../http/endpoints.ts';
import { errorMessage, isConflict } from '../http/error-message.ts';
import { useI18n, type Translate } from '../i18n/i18n.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import { ProjectFields } from './ProjectFields.tsx';
import './editor.css';
import { emptyProjectForm, formToProject, issueFieldName, normaliseIssuePath, projectToForm, type ProjectFormValues } from './project-form.ts';

export type EditorTarget = { mode: 'edit'; code: string } | { mode: 'create' };

interface Props {
  unitCode: string;
  year: number;
  /** What to edit; null closes the drawer. */
  target: EditorTarget | null;
  onClose: () => void;
  onSaved: () => void;
}

interface Loaded {
  version: number | null;
  values: ProjectFormValues;
}

interface SaveProblem {
  title: string;
  issues: string[];
}

/**
 * 编辑项目 / 新增项目 in a drawer. Edits read the project first (for its version), save with
 * PUT + If-Match; a 409 or a 400 leaves the form as the user left it and says why.
 */
export function ProjectEditor({ unitCode, year, target, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProjectFormValues>();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<unknown>(undefined);
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const [saving, setSaving] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setLoaded(null);
    setLoadError(undefined);
    setProblem(null);
    if (!target) return;
    if (target.mode === 'create') {
      setLoaded({ version: null, values: emptyProjectForm() });
      return;
    }
    let current = true;
    fetchProject(unitCode, year, target.code).then(
      (result) => current && setLoaded({ version: result.version, values: projectToForm(result.project) }),
      (error: unknown) => current && setLoadError(error),
    );
    return () => {
      current = false;
    };
  }, [target, unitCode, year, attempt]);

  const save = async () => {
    if (!target || !loaded) return;
    const project = formToProject(form.getFieldsValue(true) as ProjectFormValues);
    setSaving(true);
    setProblem(null);
    try {
      if (target.mode === 'edit') await updateProject(unitCode, year, target.code, loaded.version ?? 0, project);
      else await createProject(unitCode, year, project);
      message.success(t('editor.saved'));
      onSaved();
      onClose();
    } catch (error) {
      setProblem(describeFailure(error, target.mode, t));
      markFields(form, error);
    } finally {
      setSaving(false);
    }
  };

  const title = target?.mode === 'edit' ? t('editor.titleEdit', { name: loaded?.values.name ?? target.code }) : t('editor.titleCreate');
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={title}
      size={960}
      destroyOnHidden
      mask={{ closable: false }}
      extra={
        <Space>
          <Button onClick={onClose}>{t('editor.cancel')}</Button>
          <Button type="primary" loading={saving} disabled={!loaded} onClick={() => form.submit()} data-testid="editor-save">
            {t('editor.save')}
          </Button>
        </Space>
      }
    >
      {problem && <SaveProblemAlert problem={problem} />}
      {loadError !== undefined && <LoadError error={loadError} onRetry={() => setAttempt((a) => a + 1)} />}
      {!loaded && loadError === undefined && <Skeleton active paragraph={{ rows: 10 }} />}
      {loaded && (
        <Form<ProjectFormValues> form={form} name="project" layout="vertical" initialValues={loaded.values} onFinish={save} scrollToFirstError>
          <ProjectFields creating={target?.mode === 'create'} />
        </Form>
      )}
    </Drawer>
  );
}

function SaveProblemAlert({ problem }: { problem: SaveProblem }) {
  const anchor = useRef<HTMLDivElement>(null);
  // The drawer may be scrolled down to the save that failed: bring the explanation into view.
  // A block body: Chromium's scrollIntoView may return a Promise, which React would call as the cleanup.
  useEffect(() => {
    anchor.current?.scrollIntoView({ block: 'nearest' });
  }, [problem]);
  const description = problem.issues.length > 0 ? <ul className="issue-list">{problem.issues.map((text, i) => <li key={i}>{text}</li>)}</ul> : undefined;
  return (
    <div ref={anchor}>
      <Alert type="error" showIcon className="editor-alert" title={problem.title} description={description} data-testid="editor-error" />
    </div>
  );
}

/** A 409 on an update means someone saved first; on a create it is the server's word (a duplicate code). */
function describeFailure(error: unknown, mode: EditorTarget['mode'], t: Translate): SaveProblem {
  if (isConflict(error) && mode === 'edit') return { title: t('error.conflict'), issues: [] };
  if (error instanceof ApiError && error.issues.length > 0) {
    return { title: t('editor.issuesTitle'), issues: error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}：${i.message}` : i.message)) };
  }
  return { title: errorMessage(error, t), issues: [] };
}

/** Puts the server's issues on the fields they name, beside antd's own messages. */
function markFields(form: ReturnType<typeof Form.useForm<ProjectFormValues>>[0], error: unknown): void {
  if (!(error instanceof ApiError)) return;
  const fields = error.issues.flatMap((issue) => {
    const name = issueFieldName(normaliseIssuePath(issue.path));
    return name ? [{ name, errors: [issue.message] }] : [];
  });
  if (fields.length > 0) form.setFields(fields as Parameters<typeof form.setFields>[0]);
}

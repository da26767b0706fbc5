import { Alert, App, Button, Form } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { ApiError } from '../http/client.ts';
import { createProject, fetchProject, updateProject } from '../http/endpoints.ts';
import { errorMessage } from '../http/error-message.ts';
import { issueText } from '../http/issue-text.ts';
import { useI18n, type Translate } from '../i18n/i18n.tsx';
import { isStaleWrite } from '../shared/conflict.ts';
import { ConflictNotice } from '../shared/ConflictNotice.tsx';
import type { LoadedProject } from './ProjectEditor.tsx';
import { ProjectFields } from './ProjectFields.tsx';
import { formToProject, issueCell, type ProjectFormValues } from './project-form.ts';

interface Props {
  unitCode: string;
  year: number;
  loaded: LoadedProject;
  /** Where the drawer's header keeps the save button (the form's store lives here, so does its button). */
  saveSlot: HTMLElement | null;
  onDirty: (dirty: boolean) => void;
  onSaved: () => void;
  /** Reads the server's version anew (after a stale save), which mounts a new form. */
  onReload: () => void;
}

interface SaveProblem {
  title: string;
  issues: string[];
}

/**
 * One project's form, mounted once per read (ProjectEditor keys it): its store starts from the
 * server's values and dies with it. A 400 or a 409 leaves the form as the user left it and says why.
 */
export function ProjectEditorForm({ unitCode, year, loaded, saveSlot, onDirty, onSaved, onReload }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProjectFormValues>();
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const [conflict, setConflict] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const { target } = loaded;

  const save = async () => {
    const project = formToProject(form.getFieldsValue(true) as ProjectFormValues);
    setSaving(true);
    setProblem(null);
    setConflict(null);
    try {
      if (target.mode === 'edit') await updateProject(unitCode, year, target.code, loaded.version ?? 0, project);
      else await createProject(unitCode, year, project);
      message.success(t('editor.saved'));
      onSaved();
    } catch (error) {
      const unplaced = markFields(form, error, t);
      if (isStaleWrite(error)) setConflict(error);
      else setProblem(describeFailure(error, t, unplaced));
    } finally {
      setSaving(false);
    }
  };

  const saveButton = (
    <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="editor-save">
      {t('editor.save')}
    </Button>
  );
  return (
    <>
      {saveSlot && createPortal(saveButton, saveSlot)}
      {conflict && (
        <ConflictNotice
          error={conflict}
          onReload={onReload}
          onDismiss={() => setConflict(null)}
          compare={
            target.mode === 'edit'
              ? {
                  mine: () => formToProject(form.getFieldsValue(true) as ProjectFormValues),
                  stored: async () => (await fetchProject(unitCode, year, target.code)).project,
                  root: 'projects',
                }
              : undefined
          }
        />
      )}
      {problem && <SaveProblemAlert problem={problem} />}
      <Form<ProjectFormValues>
        form={form}
        name="project"
        layout="vertical"
        initialValues={loaded.values}
        onValuesChange={() => onDirty(true)}
        onFinish={save}
        scrollToFirstError
      >
        <ProjectFields creating={target.mode === 'create'} unitCode={unitCode} year={year} />
      </Form>
    </>
  );
}

function SaveProblemAlert({ problem }: { problem: SaveProblem }) {
  const anchor = useRef<HTMLDivElement>(null);
  // The drawer may be scrolled down to the save that failed: bring the explanation into view.
  // A block body: Chromium's scrollIntoView may return a Promise, which React would call as the cleanup.
  useEffect(() => {
    anchor.current?.scrollIntoView({ block: 'nearest' });
  }, [problem]);
  const description =
    problem.issues.length > 0 ? (
      <ul className="issue-list">
        {problem.issues.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ul>
    ) : undefined;
  return (
    <div ref={anchor}>
      <Alert
        type="error"
        showIcon
        className="editor-alert"
        title={problem.title}
        description={description}
        data-testid="editor-error"
      />
    </div>
  );
}

type FormStore = ReturnType<typeof Form.useForm<ProjectFormValues>>[0];

/**
 * A refused save other than a stale one: the server's issues go to their cells (markFields); the alert keeps
 * only those no cell holds, or the server's word when it sent no issues (a duplicate code is a 409 too).
 */
function describeFailure(error: unknown, t: Translate, unplaced: ApiError['issues']): SaveProblem | null {
  if (error instanceof ApiError && error.issues.length > 0) {
    if (unplaced.length === 0) return null;
    return { title: t('editor.issuesTitle'), issues: unplaced.map((i) => issueText(i, t)) };
  }
  return { title: errorMessage(error, t), issues: [] };
}

/** Puts the server's issues on the cells they name, beside antd's own messages; returns the ones no cell holds. */
function markFields(form: FormStore, error: unknown, t: Translate): ApiError['issues'] {
  if (!(error instanceof ApiError)) return [];
  const values = form.getFieldsValue(true) as ProjectFormValues;
  const unplaced: ApiError['issues'] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const issue of error.issues) {
    const name = issueCell(issue.path, values.indicators ?? []);
    if (name) fields.push({ name, errors: [issueText(issue, t)] });
    else unplaced.push(issue);
  }
  if (fields.length > 0) {
    form.setFields(fields as Parameters<typeof form.setFields>[0]);
    form.scrollToField(fields[0]!.name, { block: 'center' });
  }
  return unplaced;
}

import { Button, Drawer, Skeleton, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { fetchProject } from '../http/endpoints.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import { useUnsavedChanges } from '../shared/useUnsavedChanges.ts';
import { ProjectEditorForm } from './ProjectEditorForm.tsx';
import { ReturnedComments } from '../workflow/ReturnedComments.tsx';
import './editor.css';
import { emptyProjectForm, projectToForm, type ProjectFormValues } from './project-form.ts';

export type EditorTarget = { mode: 'edit'; code: string } | { mode: 'create' };

interface Props {
  unitCode: string;
  year: number;
  /** What to edit; null closes the drawer. Each opening is a new object (a click), and reads the server anew. */
  target: EditorTarget | null;
  onClose: () => void;
  onSaved: () => void;
}

/** What one opening read from the server; `target` is the opening it belongs to, `seq` numbers the reads. */
export interface LoadedProject {
  target: EditorTarget;
  version: number | null;
  values: ProjectFormValues;
  seq: number;
}

/**
 * 编辑项目 / 新增项目 in a drawer. Each opening reads the project from the server (never the list's
 * copy) and mounts a fresh form keyed by unit, year, project and version: no value typed for one
 * project, or one version, can show in another's form (antd keeps a form store's values across
 * remounts, which is how a cancelled edit once reached the next project). Closing a changed form asks first.
 */
export function ProjectEditor({ unitCode, year, target, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<LoadedProject | null>(null);
  const [loadError, setLoadError] = useState<unknown>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [saveSlot, setSaveSlot] = useState<HTMLElement | null>(null);
  const reads = useRef(0);
  const { confirmLeave } = useUnsavedChanges(target !== null && dirty);

  useEffect(() => {
    setLoaded(null);
    setLoadError(undefined);
    setDirty(false);
    if (!target) return;
    const seq = ++reads.current;
    if (target.mode === 'create') {
      setLoaded({ target, version: null, values: emptyProjectForm(), seq });
      return;
    }
    let current = true;
    fetchProject(unitCode, year, target.code).then(
      (result) => current && setLoaded({ target, version: result.version, values: projectToForm(result.project), seq }),
      (error: unknown) => current && setLoadError(error),
    );
    return () => {
      current = false;
    };
  }, [target, unitCode, year, attempt]);

  // Only what was read for this very opening is shown; until then, the skeleton.
  const shown = loaded !== null && loaded.target === target ? loaded : null;
  const close = async () => {
    if (!(await confirmLeave())) return;
    setDirty(false);
    onClose();
  };
  const saved = () => {
    setDirty(false);
    onSaved();
    onClose();
  };

  const title =
    target?.mode === 'edit'
      ? t('editor.titleEdit', { name: shown?.values.name ?? target.code })
      : t('editor.titleCreate');
  return (
    <Drawer
      open={target !== null}
      onClose={() => void close()}
      title={title}
      size={960}
      destroyOnHidden
      mask={{ closable: false }}
      extra={
        <Space>
          <Button onClick={() => void close()} data-testid="editor-cancel">
            {t('editor.cancel')}
          </Button>
          {shown ? (
            <span ref={setSaveSlot} />
          ) : (
            <Button type="primary" disabled>
              {t('editor.save')}
            </Button>
          )}
        </Space>
      }
    >
      {loadError !== undefined && <LoadError error={loadError} onRetry={() => setAttempt((a) => a + 1)} />}
      {!shown && loadError === undefined && <Skeleton active paragraph={{ rows: 10 }} />}
      {shown && target?.mode === 'edit' && (
        <ReturnedComments unitCode={unitCode} year={year} projectCode={target.code} />
      )}
      {shown && (
        <ProjectEditorForm
          key={formKey(unitCode, year, shown)}
          unitCode={unitCode}
          year={year}
          loaded={shown}
          saveSlot={saveSlot}
          onDirty={setDirty}
          onSaved={saved}
          onReload={() => setAttempt((a) => a + 1)}
        />
      )}
    </Drawer>
  );
}

/** A new project, another project, another version or another read: another form, with its own store. */
function formKey(unitCode: string, year: number, loaded: LoadedProject): string {
  const project = loaded.target.mode === 'edit' ? `project:${loaded.target.code}` : 'new';
  return `${unitCode}/${year}/${project}/v${loaded.version ?? 0}/read${loaded.seq}`;
}

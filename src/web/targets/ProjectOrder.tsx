import { App, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { Project } from '../../domain/targets.ts';
import { reorderProjects } from '../http/endpoints.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { SortableList } from '../projects/SortableList.tsx';

interface Props {
  unitCode: string;
  year: number;
  projects: Project[];
  /** The document's version as the page read it: a write by someone else since makes the save a 409. */
  version: number;
  onClose: () => void;
  /** After a save, and after a refused one too (the page then shows the stored order again). */
  onDone: () => void;
}

/** 调整顺序: the unit-year's projects, reordered by drag or 上移/下移, saved in one write (the document's order). */
export function ProjectOrder({ unitCode, year, projects, version, onClose, onDone }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [codes, setCodes] = useState(() => projects.map((p) => p.code));
  const [saving, setSaving] = useState(false);
  const names = new Map(projects.map((p) => [p.code, p.name]));
  const move = (from: number, to: number) =>
    setCodes((current) => {
      const next = [...current];
      const [moved] = next.splice(from, 1);
      next.splice(to, 0, moved!);
      return next;
    });
  const save = async () => {
    setSaving(true);
    try {
      await reorderProjects(unitCode, year, codes, version);
      message.success(t('order.saved'));
    } catch (failure) {
      message.error(errorMessage(failure, t));
    } finally {
      setSaving(false);
      onDone();
    }
  };
  return (
    <Modal
      open
      title={t('order.projectsTitle')}
      okText={t('order.save')}
      cancelText={t('editor.cancel')}
      onOk={save}
      onCancel={onClose}
      confirmLoading={saving}
    >
      <Typography.Paragraph type="secondary">{t('order.hint')}</Typography.Paragraph>
      <div className="project-order" data-testid="project-order">
        <SortableList
          ids={codes}
          onMove={move}
          handleLabel={(i) => t('order.dragProject', { name: names.get(codes[i]!) ?? codes[i]! })}
          renderRow={(code, i, controls) => (
            <div className="project-order-row" data-testid="project-order-row">
              {controls.handle}
              <span className="project-order-name">{`${i + 1}、${names.get(code) ?? code}`}</span>
              {controls.moveButtons}
            </div>
          )}
        />
      </div>
    </Modal>
  );
}

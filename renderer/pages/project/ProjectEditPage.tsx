import { App as AntApp, Button, Form, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { ProjectView } from '../../../electron/api-spec';
import { PROJECT_FIELD_KEYS, pickProjectFields } from '../../../db/model/project';
import type { ReferenceData, ReferenceKind } from '../../../db/model/reference';
import { ApiError, invoke } from '../../api';
import { useAppStatus } from '../../app/app-status';
import { useApi } from '../../hooks/use-api';
import { ConflictDialog } from '../../ui/ConflictDialog';
import { ConflictNote } from '../../ui/ConflictNote';
import { useConflict } from '../../ui/use-conflict';
import { mergeReloaded, type FieldName, type ReloadedForm } from './conflict-merge';
import { checkProjectForm, type CheckContext } from './form-checks';
import { moveToNextField, useSaveShortcut } from './form-keys';
import {
  changedFields,
  emptyFormValues,
  fromFormValues,
  meaningOf,
  toFormValues,
  type ProjectFormValues,
} from './form-values';
import { useLeaveGuard } from './leave-guard';
import { ProjectForm } from './ProjectForm';
import { ProjectLoadState } from './ProjectLoadState';
import './project.css';

const FORM_FIELDS = new Set<string>(PROJECT_FIELD_KEYS);

/** /projects/new and /projects/:id/edit */
export function ProjectEditPage({ id }: { id?: number }) {
  return id === undefined ? <NewProject /> : <EditProject id={id} />;
}

function NewProject() {
  const reference = useApi('reference.list', {});
  if (!reference.data) return <ProjectLoadState error={reference.error} onRetry={reference.reload} />;
  return <ProjectEditor reference={reference.data} />;
}

function EditProject({ id }: { id: number }) {
  const reference = useApi('reference.list', {});
  const project = useApi('projects.get', { id });
  if (!reference.data || !project.data) {
    const error = project.error ?? reference.error;
    return (
      <ProjectLoadState
        error={error}
        onRetry={() => {
          void reference.reload();
          void project.reload();
        }}
      />
    );
  }
  return <ProjectEditor key={id} reference={reference.data} project={project.data} />;
}

interface FieldErrorsFailure {
  errorFields: { name: (string | number)[]; errors: string[] }[];
}

function isFieldErrorsFailure(error: unknown): error is FieldErrorsFailure {
  return typeof error === 'object' && error !== null && Array.isArray((error as FieldErrorsFailure).errorFields);
}

function ProjectEditor({ reference, project: opened }: { reference: ReferenceData; project?: ProjectView }) {
  const mode = opened ? 'edit' : 'create';
  // the project as last read: the one the page opened with, or the one 载入最新内容 read after a conflict
  const [project, setProject] = useState(opened);
  const [differing, setDiffering] = useState<ReloadedForm['differing']>({});
  const { status } = useAppStatus();
  const { message } = AntApp.useApp();
  const [, navigate] = useLocation();
  const [form] = Form.useForm<ProjectFormValues>();
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);

  const stored = useMemo(() => (project ? pickProjectFields(project) : undefined), [project]);
  const initialValues = useMemo(() => (stored ? toFormValues(stored) : emptyFormValues()), [stored]);
  const baseline = useMemo(
    () => ({ meaning: meaningOf(initialValues), candidate: fromFormValues(initialValues).candidate }),
    [initialValues],
  );
  const checkContext: CheckContext = useMemo(
    () => ({ planYear: project?.planYear ?? status.planYear, today: status.today, before: stored }),
    [project, status.planYear, status.today, stored],
  );
  const confirmLeave = useLeaveGuard(dirty);
  const conflict = useConflict(reloadLatest);
  const backTo = project ? `/projects/${project.id}` : '/projects';

  function showServerErrors(error: ApiError) {
    const onForm = Object.entries(error.fieldErrors)
      .filter(([field]) => FORM_FIELDS.has(field) && !(mode === 'edit' && field === 'stage'))
      .map(([field, text]) => [field as keyof ProjectFormValues, text] as const);
    form.setFields(onForm.map(([name, text]) => ({ name, errors: [text] })));
    if (onForm.length) form.scrollToField(onForm[0][0], { block: 'center' });
    message.error(`未能保存：${error.message}`);
  }

  async function save() {
    if (saving) return;
    try {
      await form.validateFields();
    } catch (failure) {
      if (!isFieldErrorsFailure(failure)) throw failure;
      const first = failure.errorFields.find((f) => f.errors.length);
      if (first) form.scrollToField(first.name, { block: 'center' });
      message.warning('请按提示修改标红的栏目后再保存');
      return;
    }
    const { fields } = checkProjectForm(form.getFieldsValue(true), checkContext);
    if (!fields) return;
    setSaving(true);
    try {
      if (!project) {
        const created = await invoke('projects.create', fields);
        setDirty(false);
        message.success('已保存');
        navigate(`/projects/${created.id}`);
        return;
      }
      const patch = changedFields(baseline.candidate, fields);
      if (Object.keys(patch).length) {
        await invoke('projects.update', { id: project.id, version: project.version, ...patch });
        message.success('已保存');
      } else {
        message.info('没有修改');
      }
      setDirty(false);
      navigate(backTo);
    } catch (error) {
      if (conflict.offer(error)) return;
      if (error instanceof ApiError) showServerErrors(error);
      else message.error(`未能保存：${(error as Error).message}`);
    } finally {
      setSaving(false);
    }
  }
  useSaveShortcut(() => void save());

  const nameOf = (kind: ReferenceKind, id: number) =>
    (
      ({
        chain: reference.chains,
        unit: reference.units,
        park: reference.parks,
        level: reference.levels,
        township: reference.townships,
        contactLeader: reference.contactLeaders,
      }) as const
    )[kind].find((r) => r.id === id)?.name;

  /** The saved project into the form, what the clerk typed kept where it differs (conflict-merge.ts). */
  async function reloadLatest() {
    if (!project) return;
    const latest = await invoke('projects.get', { id: project.id });
    const latestValues = toFormValues(pickProjectFields(latest));
    const merged = mergeReloaded(initialValues, form.getFieldsValue(true), latestValues, nameOf);
    setProject(latest);
    form.setFieldsValue(merged.values);
    setDiffering(merged.differing);
    setDirty(meaningOf(merged.values) !== meaningOf(latestValues));
  }

  function settle(field: FieldName, takeSaved: boolean) {
    if (takeSaved && project) {
      const saved = toFormValues(pickProjectFields(project))[field as keyof ProjectFormValues];
      form.setFieldValue(field, saved);
    }
    setDiffering(({ [field]: _settled, ...rest }) => rest);
    setDirty(meaningOf(form.getFieldsValue(true)) !== baseline.meaning);
  }

  const fieldNotes = Object.fromEntries(
    Object.entries(differing).map(([field, values]) => [
      field,
      <ConflictNote
        key={field}
        saved={values.saved}
        typed={values.typed}
        onTakeSaved={() => settle(field as FieldName, true)}
        onKeepTyped={() => settle(field as FieldName, false)}
      />,
    ]),
  );

  return (
    <div className="project-edit-page">
      <div className="project-head">
        <div className="project-head-title">
          <h2 className="zd-page-title zd-ellipsis">{project ? '编辑项目' : '新建项目'}</h2>
          {project && (
            <span className="project-head-sub">
              {project.code} {project.name}
            </span>
          )}
          {project?.isDemo && <Tag color="orange">示例</Tag>}
        </div>
        <Link
          href={backTo}
          onClick={(event) => {
            event.preventDefault();
            confirmLeave(() => navigate(backTo));
          }}
        >
          {project ? '返回项目页' : '返回项目库'}
        </Link>
      </div>
      <div className="pf-sheet" onKeyDown={moveToNextField}>
        <ProjectForm
          form={form}
          mode={mode}
          initialValues={initialValues}
          reference={reference}
          checkContext={checkContext}
          project={project}
          fieldNotes={fieldNotes}
          onValuesChange={() => setDirty(meaningOf(form.getFieldsValue(true)) !== baseline.meaning)}
        />
      </div>
      <div className="pf-footer">
        <span className="pf-footer-hint zd-hint">
          {dirty ? <span className="pf-dirty zd-text-yellow">有未保存的修改</span> : null}带{' '}
          <span className="zd-text-red">*</span> 的为必填项；Ctrl+S 保存，回车跳到下一栏
        </span>
        <Button onClick={() => confirmLeave(() => navigate(backTo))}>取消</Button>
        <Button type="primary" loading={saving} onClick={() => void save()}>
          保存
        </Button>
      </div>
      <ConflictDialog {...conflict.dialog} />
    </div>
  );
}

import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  recipeCoverage,
  RecipeCoverageEntry,
  Ring,
  TECHNOLOGY_KIND,
} from '@techstack/plugin-tech-stack-common';
import { techStackApiRef } from '../../api';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import InputLabel from '@material-ui/core/InputLabel';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import BlockIcon from '@material-ui/icons/Block';
import CheckCircleOutlineIcon from '@material-ui/icons/CheckCircleOutline';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import ReportProblemOutlinedIcon from '@material-ui/icons/ReportProblemOutlined';
import Alert from '@material-ui/lab/Alert';
import { useEffect, useMemo } from 'react';
import { TruncatedText } from '../TruncatedText';
import useAsync from 'react-use/esm/useAsync';
import {
  findOption,
  LayerOption,
  LayerOptions,
  layerOptions,
} from './layerOptions';
import type {
  TechStackPickerUiOptions,
  TechStackPickerValue,
} from './techStackPickerValidation';

const useStyles = makeStyles(theme => ({
  // helper texts naming a technology wrap instead of widening the form
  layer: { marginBottom: theme.spacing(2), overflowWrap: 'anywhere' },
  icon: { minWidth: theme.spacing(4) },
  value: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    minWidth: 0,
  },
  // the menu never grows wider than the viewport allows for a long name
  menu: { maxWidth: 'min(720px, calc(100vw - 32px))' },
  option: { minWidth: 0 },
}));

const RING_LABELS: Record<Ring, string> = {
  adopt: 'adopt',
  trial: 'trial',
  assess: 'assess',
  hold: 'hold',
};

/** An icon per ring, always shown with the ring's name (never colour alone). */
function RingIcon({ ring }: { ring: Ring }) {
  const props = { fontSize: 'small' as const, titleAccess: RING_LABELS[ring] };
  switch (ring) {
    case 'adopt':
      return <CheckCircleOutlineIcon {...props} />;
    case 'trial':
      return <ReportProblemOutlinedIcon {...props} />;
    case 'assess':
      return <HelpOutlineIcon {...props} />;
    default:
      return <BlockIcon {...props} />;
  }
}

function optionText(option: LayerOption): string {
  return `${option.title} (${RING_LABELS[option.ring]})`;
}

/** What the scaffolder's recipes do for each option (by slug), if they could be read. */
type Coverage = Map<string, RecipeCoverageEntry>;

/** The note of a choice no recipe wires, shown under it and in its menu item. */
function recipeNote(
  entry: RecipeCoverageEntry | undefined,
): string | undefined {
  if (entry?.status === 'missing') {
    return 'No recipe: recorded in catalog-info.yaml only, not wired';
  }
  if (entry?.status === 'not-applicable') {
    return `Not wired: ${entry.reason}`;
  }
  return undefined;
}

function joinNotes(...notes: Array<string | undefined>): string | undefined {
  const present = notes.filter(Boolean);
  return present.length > 0 ? present.join('. ') : undefined;
}

function helperText(
  layer: LayerOptions,
  option: LayerOption | undefined,
): string | undefined {
  if (!option) {
    return layer.options.length === 0
      ? 'No technology of the stack guide is placed in this layer'
      : undefined;
  }
  if (option.ring === 'hold') {
    return `${option.title} is on hold${
      option.reason ? `: ${option.reason}` : ''
    }`;
  }
  if (option.ring === 'trial' || option.ring === 'assess') {
    const adopt = layer.options
      .filter(o => o.ring === 'adopt')
      .map(o => o.title);
    return `${option.title} is in ${option.ring}: allowed, with a warning${
      adopt.length > 0 ? `; the adopted choice is ${adopt.join(', ')}` : ''
    }`;
  }
  return option.reason;
}

/**
 * Scaffolder field: one select per configured layer (`ui:options.layers`)
 * listing the technologies the catalog places in that layer. The adopt
 * technology is preselected; trial and assess ones are marked with their ring
 * (text and icon); hold ones are disabled with the reason. A choice no
 * recipe of the scaffolder wires says so ("recorded in catalog-info.yaml
 * only", or the reason it is not wired). The value is `{ [layer]: slug }`.
 *
 * @public
 */
export function TechStackPicker(
  props: FieldExtensionComponentProps<
    TechStackPickerValue,
    TechStackPickerUiOptions
  >,
) {
  const {
    onChange,
    formData,
    uiSchema,
    rawErrors,
    required,
    schema,
    idSchema,
    disabled,
  } = props;
  const classes = useStyles();
  const catalogApi = useApi(catalogApiRef);
  const techStackApi = useApi(techStackApiRef);
  const layerNames = useMemo(
    () => uiSchema?.['ui:options']?.layers ?? [],
    [uiSchema],
  );

  const {
    value: layers,
    loading,
    error,
  } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: TECHNOLOGY_KIND },
    });
    return layerOptions(items, layerNames);
  }, [catalogApi, layerNames]);

  // What the recipes wire: without it (an older scaffolder module, an
  // outage) the picker works as before, without the marks.
  const { value: recipes } = useAsync(
    () => techStackApi.getRecipes(),
    [techStackApi],
  );
  const coverage = useMemo<Coverage>(() => {
    if (!recipes || !layers) return new Map();
    const options = layers.flatMap(layer => layer.options);
    return new Map(
      recipeCoverage(recipes, options).map(entry => [entry.technology, entry]),
    );
  }, [recipes, layers]);

  // Preselect the recommended technology of every layer without a choice.
  useEffect(() => {
    if (!layers) return;
    const current = formData ?? {};
    const next: TechStackPickerValue = { ...current };
    for (const layer of layers) {
      if (!next[layer.layer] && layer.recommended) {
        next[layer.layer] = layer.recommended.name;
      }
    }
    if (Object.keys(next).some(key => next[key] !== current[key])) {
      onChange(next);
    }
  }, [layers, formData, onChange]);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <Alert severity="error">
        Could not load the technologies: {error.message}
      </Alert>
    );
  }
  if (layerNames.length === 0) {
    return (
      <Alert severity="warning">
        TechStackPicker: no layers configured (set ui:options.layers)
      </Alert>
    );
  }

  const value = formData ?? {};
  const baseId = idSchema?.$id ?? 'tech-stack-picker';
  return (
    <div>
      {schema?.title && (
        <Typography variant="subtitle1" gutterBottom>
          {schema.title}
        </Typography>
      )}
      {schema?.description && (
        <Typography variant="body2" color="textSecondary" paragraph>
          {schema.description}
        </Typography>
      )}
      {(layers ?? []).map((layer, index) => {
        const selected = value[layer.layer]
          ? findOption(layer, value[layer.layer])
          : undefined;
        const labelId = `${baseId}-layer-${index}-label`;
        const invalid =
          selected?.ring === 'hold' || (!!value[layer.layer] && !selected);
        return (
          <FormControl
            key={layer.layer}
            fullWidth
            className={classes.layer}
            required={required}
            disabled={disabled}
            error={invalid || ((rawErrors?.length ?? 0) > 0 && !selected)}
          >
            <InputLabel id={labelId}>{layer.layer}</InputLabel>
            <Select
              labelId={labelId}
              id={`${baseId}-layer-${index}`}
              value={selected?.name ?? ''}
              MenuProps={{ classes: { paper: classes.menu } }}
              onChange={event =>
                onChange({
                  ...value,
                  [layer.layer]: String(event.target.value),
                })
              }
              renderValue={name => {
                const option = layer.options.find(o => o.name === name);
                return option ? (
                  <span className={classes.value}>
                    <RingIcon ring={option.ring} />
                    <TruncatedText text={optionText(option)} lines={1} />
                  </span>
                ) : (
                  ''
                );
              }}
            >
              {layer.options.map(option => (
                <MenuItem
                  key={option.name}
                  value={option.name}
                  disabled={option.ring === 'hold'}
                >
                  <ListItemIcon className={classes.icon}>
                    <RingIcon ring={option.ring} />
                  </ListItemIcon>
                  <ListItemText
                    className={classes.option}
                    primary={
                      <TruncatedText
                        text={`${optionText(option)}${
                          option.name === layer.recommended?.name
                            ? ' — recommended'
                            : ''
                        }`}
                      />
                    }
                    secondary={joinNotes(
                      option.ring === 'hold'
                        ? `On hold${option.reason ? `: ${option.reason}` : ''}`
                        : option.reason,
                      option.ring === 'hold'
                        ? undefined
                        : recipeNote(coverage.get(option.name)),
                    )}
                  />
                </MenuItem>
              ))}
            </Select>
            <FormHelperText>
              {invalid && !selected
                ? `"${value[layer.layer]}" is not a technology of this layer`
                : joinNotes(
                    helperText(layer, selected),
                    selected && selected.ring !== 'hold'
                      ? recipeNote(coverage.get(selected.name))
                      : undefined,
                  )}
            </FormHelperText>
          </FormControl>
        );
      })}
    </div>
  );
}

import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationSeverity } from '@backstage/plugin-notifications-common';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { AdoptAlternative, layerLabel } from './adoptAlternatives';
import { NotificationCampaign } from './campaigns';
import { TechnologyTransition } from './detectTransitions';
import { AffectedEntity } from './findAffectedEntities';

/** The most entities one notification lists by name; the rest are counted. */
export const MAX_LISTED_ENTITIES = 50;

/** The longest reason (an override's) a notification quotes, in characters. */
export const MAX_REASON_LENGTH = 500;

/**
 * The topic of every notification of this module: users can turn them off
 * in their notification settings (origin `plugin:catalog`).
 *
 * @public
 */
export const TECH_STACK_NOTIFICATION_TOPIC = 'tech-stack';

/** The reason a removal gives. */
export const REMOVED_REASON = 'removed from the guide';

/**
 * The path of a technology's page in the portal
 * (`/catalog/default/technology/rancher`): the catalog's entity route, with
 * the kind in lower case as the catalog's links write it.
 *
 * @public
 */
export function technologyPagePath(technology: {
  namespace: string;
  name: string;
}): string {
  return `/catalog/${encodeURIComponent(
    technology.namespace,
  )}/technology/${encodeURIComponent(technology.name)}`;
}

/** An entity ref as people read it: `orders` for a component in `default`, else the shortest full form. */
function shortRef(ref: string): string {
  const { kind, namespace, name } = parseEntityRef(ref);
  const kindPart =
    kind.toLocaleLowerCase('en-US') === 'component' ? '' : `${kind}:`;
  const namespacePart = namespace === 'default' ? '' : `${namespace}/`;
  return `${kindPart}${namespacePart}${name}`;
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `.` after a text that does not end a sentence already. */
function sentence(text: string): string {
  return `${text}${/[.!?]$/.test(text) ? '' : '.'}`;
}

function days(count: number): string {
  return `${count} day${count === 1 ? '' : 's'}`;
}

/**
 * The line naming a migration campaign, for example: Migration campaign
 * 'rancher': move to EKS, GKE by 2027-05-01 (in 146 days). Why: End of
 * support.
 *
 * @public
 */
export function campaignLine(campaign: NotificationCampaign): string {
  const { daysLeft } = campaign;
  let when = 'today';
  if (daysLeft > 0) {
    when = `in ${days(daysLeft)}`;
  } else if (daysLeft < 0) {
    when = `${days(-daysLeft)} ago`;
  }
  return `Migration campaign '${
    campaign.id
  }': move to ${campaign.replaceWith.join(', ')} by ${
    campaign.deadline
  } (${when}).${campaign.reason ? ` Why: ${sentence(campaign.reason)}` : ''}`;
}

/**
 * The reason a notification gives: the override's `spec.ringReason` for a
 * technology on hold (else that the guide now places it there), or
 * `removed from the guide`.
 *
 * @public
 */
export function transitionReason(transition: TechnologyTransition): string {
  if (transition.kind === 'removed') {
    return REMOVED_REASON;
  }
  return shorten(
    transition.ringReason?.trim() || 'the guide now places it at hold',
    MAX_REASON_LENGTH,
  );
}

/**
 * Composes the notification one owner gets about one transition: a title
 * naming the technology; a description with the reason, the technologies at
 * `adopt` in the same layers, the migration campaigns of the technology
 * (`techStack.campaigns`: deadline, what to move to, why; see
 * {@link campaignLine}), and the owner's entities that use it (the
 * first 50 by name, then "and N more"); a link to
 * the technology's page; topic {@link TECH_STACK_NOTIFICATION_TOPIC}; the
 * given `scope` (unique per transition and owner, so a repeated send updates
 * the one notification instead of adding a second); and the same facts as
 * `metadata` for processors (e-mail, chat). Pure.
 *
 * @public
 */
export function composeNotification(options: {
  guideId: string;
  transition: TechnologyTransition;
  alternatives: AdoptAlternative[];
  ownerRef: string;
  /** The owner's entities that use the technology, in the order to list them. */
  entities: AffectedEntity[];
  severity: NotificationSeverity;
  scope: string;
  /** The migration campaigns of the technology, if any. */
  campaigns?: NotificationCampaign[];
}): NotificationSendOptions {
  const { guideId, transition, alternatives, ownerRef, entities } = options;
  const { title } = transition;
  const reason = transitionReason(transition);
  const lines: string[] = [];
  if (transition.kind === 'hold') {
    lines.push(
      `${title} moved ${
        transition.previousRing ? `from ${transition.previousRing} ` : ''
      }to hold in the tech stack guide '${guideId}'.`,
      `Reason: ${sentence(reason)}`,
    );
  } else {
    lines.push(
      `${title} was removed from the tech stack guide '${guideId}'${
        transition.previousRing ? ` (it was at ${transition.previousRing})` : ''
      }.`,
    );
  }

  const campaigns = options.campaigns ?? [];
  lines.push(...campaigns.map(campaignLine));

  const layers = [...new Set(transition.layers.map(layerLabel))];
  if (alternatives.length) {
    lines.push(
      `Adopt instead: ${alternatives
        .map(a =>
          layers.length > 1 ? `${a.title} (${a.layers.join('; ')})` : a.title,
        )
        .join(', ')}.`,
    );
  } else if (layers.length) {
    lines.push(
      `No technology is at adopt in its layer${
        layers.length === 1 ? '' : 's'
      } (${layers.join('; ')}).`,
    );
  }

  const listed = entities
    .slice(0, MAX_LISTED_ENTITIES)
    .map(e => shortRef(e.ref));
  const more = entities.length - listed.length;
  lines.push(
    `Components of ${parseEntityRef(ownerRef).name} using ${title} (${
      entities.length
    }): ${listed.join(', ')}${more > 0 ? `, and ${more} more` : ''}.`,
  );

  return {
    recipients: { type: 'entity', entityRef: ownerRef },
    payload: {
      title:
        transition.kind === 'hold'
          ? `${title} is now on hold`
          : `${title} was removed from the tech stack guide`,
      description: lines.join('\n'),
      link: technologyPagePath(transition),
      severity: options.severity,
      topic: TECH_STACK_NOTIFICATION_TOPIC,
      scope: options.scope,
      metadata: {
        guide: guideId,
        technology: transition.ref,
        transition: transition.kind,
        ...(transition.previousRing
          ? { previousRing: transition.previousRing }
          : {}),
        reason,
        alternatives: alternatives.map(a => a.ref),
        owner: ownerRef,
        entities: entities.slice(0, MAX_LISTED_ENTITIES).map(e => e.ref),
        entityCount: entities.length,
        ...(campaigns.length
          ? {
              campaigns: campaigns.map(c => ({
                id: c.id,
                deadline: c.deadline,
                replaceWith: c.replaceWith,
                ...(c.reason ? { reason: c.reason } : {}),
              })),
            }
          : {}),
      },
    },
  };
}

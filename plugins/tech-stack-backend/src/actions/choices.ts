import { TechnologyInfo } from '../service/adoption/types';
import { GuideLayer, LayerChoice } from '../service/stack/GuideLayers';

/** A technology as the actions answer it: title, ref, ring and reason. */
export interface ActionChoice {
  title: string;
  ref: string;
  ring: LayerChoice['ring'];
  reason?: string;
}

/** A technology in a layer, as the actions answer it. */
export function toChoice(choice: {
  technology: TechnologyInfo;
  ring: LayerChoice['ring'];
}): ActionChoice {
  return {
    title: choice.technology.title,
    ref: choice.technology.ref,
    ring: choice.ring,
    ...(choice.technology.ringReason
      ? { reason: choice.technology.ringReason }
      : {}),
  };
}

/**
 * The adopt choices of the layers a technology appears in, other than the
 * technology itself: what the guide recommends instead. Empty for a
 * technology that is adopt in every layer it appears in.
 */
export function adoptAlternatives(
  technologyRef: string,
  places: GuideLayer[],
): ActionChoice[] {
  const result = new Map<string, ActionChoice>();
  for (const place of places) {
    const own = place.choices.find(c => c.technology.ref === technologyRef);
    if (own?.ring === 'adopt') continue;
    for (const choice of place.choices) {
      if (choice.ring === 'adopt' && choice.technology.ref !== technologyRef) {
        result.set(choice.technology.ref, toChoice(choice));
      }
    }
  }
  return [...result.values()];
}

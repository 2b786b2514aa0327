import type { StoryArticle } from '../../src/stories/index.ts';
import { article, quake, quakeOwnReport } from './fixtures.ts';

/**
 * Two events in one city a few days apart, glued by an article that tells both: the Valparaiso
 * earthquake (quake-*), and a wildfire in the hills above the city (fire-*). In arrival order the
 * bridge joins the quake's story, the fire's first reports follow it there, and then each event's
 * reports keep to their own half: the story has grown into two.
 */
const at = (day: number, hour: number) => new Date(Date.UTC(2026, 2, day, hour));

export const quakeRescue = article({
  id: 'quake-3',
  title: 'Valparaiso quake: rescuers pull survivors from collapsed harbour buildings',
  lead: 'Rescue teams in Valparaiso pulled eleven survivors from collapsed buildings in the harbour district a day after the 6.8 magnitude earthquake.',
  text: [
    'Rescue teams pulled eleven survivors from the rubble of collapsed buildings in the old harbour district of Valparaiso on Wednesday, a day after the magnitude 6.8 earthquake.',
    'The death toll from the earthquake stood at 42, with 310 people injured, the interior ministry said, and dozens were still missing in the rubble.',
    'Sniffer dogs and firefighters from Santiago joined the search, and engineers said several more buildings near the port were at risk of collapsing in aftershocks.',
  ].join('\n'),
  published: at(4, 9),
  outlet: 'courier.example',
});

export const quakeSchools = article({
  id: 'quake-4',
  title: 'Chile earthquake: Valparaiso schools stay shut as engineers check damage',
  lead: 'Schools in Valparaiso will stay closed for a week after the magnitude 6.8 earthquake while engineers inspect cracked buildings.',
  text: [
    'Schools in Valparaiso will stay closed for at least a week after Tuesday’s magnitude 6.8 earthquake while engineers inspect cracked walls and collapsed roofs, the education ministry said.',
    'The earthquake killed 42 people and injured 310; aftershocks of up to magnitude 5.1 kept families sleeping outdoors in the harbour district.',
    'President Gabriel Boric said the government would rebuild every school damaged by the quake and sent engineers from Santiago to speed up the inspections.',
  ].join('\n'),
  published: at(5, 10),
  outlet: 'gazette.example',
});

/** Tells both events: what glues them. */
export const bridge = article({
  id: 'bridge',
  title: 'Earthquake-hit Valparaiso now battles a wildfire in its hills',
  lead: 'Days after a magnitude 6.8 earthquake killed 42 people in Valparaiso, a wildfire broke out in the hills above the city, forcing evacuations.',
  text: [
    'Days after a magnitude 6.8 earthquake killed 42 people in the harbour district of Valparaiso, a wildfire broke out on Thursday in the dry hills above the city.',
    'Firefighters already stretched by the earthquake rescue were sent to the hills, where strong winds pushed the flames towards houses, and officials ordered evacuations.',
    'President Gabriel Boric said the region faced a second emergency in one week and sent firefighting planes from Santiago.',
  ].join('\n'),
  published: at(6, 8),
  outlet: 'daily.example',
});

export const fireFirst = article({
  id: 'fire-1',
  title: 'Wildfire forces thousands to evacuate hills above Valparaiso',
  lead: 'A wildfire driven by strong winds forced thousands of people to leave their homes in the hills above Valparaiso, firefighters said.',
  text: [
    'A wildfire driven by strong winds swept through the dry hills above Valparaiso on Thursday, forcing thousands of people to evacuate their homes, firefighters said.',
    'Flames destroyed at least 120 houses in the hillside neighbourhoods and firefighting planes dropped water on the blaze through the afternoon.',
    'Officials ordered evacuations in four neighbourhoods and opened shelters in schools and sports halls, while smoke covered the city.',
  ].join('\n'),
  published: at(6, 12),
  outlet: 'wire.example',
});

export const fireSecond = article({
  id: 'fire-2',
  title: 'Valparaiso wildfire destroys 120 homes as winds fan the flames',
  lead: 'Strong winds fanned a wildfire that destroyed 120 homes in the hills above Valparaiso, and firefighting planes battled the blaze.',
  text: [
    'Strong winds fanned a wildfire that destroyed at least 120 homes in the hills above Valparaiso, and firefighting planes battled the blaze into the night.',
    'Firefighters said the flames jumped a firebreak and reached hillside neighbourhoods, where residents fled with what they could carry.',
    'Smoke from the fire covered the city and officials opened shelters for evacuated families in schools and sports halls.',
  ].join('\n'),
  published: at(6, 16),
  outlet: 'times.example',
});

export const fireThird = article({
  id: 'fire-3',
  title: 'Firefighters contain Valparaiso wildfire after winds drop',
  lead: 'Firefighters contained the wildfire in the hills above Valparaiso on Friday as the winds dropped, after it destroyed 130 homes.',
  text: [
    'Firefighters contained the wildfire in the hills above Valparaiso on Friday as the winds dropped, after the blaze destroyed 130 homes and burned 900 hectares of forest.',
    'Firefighting planes and helicopters kept dropping water on hot spots, and evacuated families began returning to the hillside neighbourhoods to find their houses in ashes.',
    'Investigators said the fire may have started at an illegal rubbish dump, and officials opened an inquiry.',
  ].join('\n'),
  published: at(7, 9),
  outlet: 'courier.example',
});

export const fireFourth = article({
  id: 'fire-4',
  title: 'Valparaiso wildfire: arson suspected as families return to burned hills',
  lead: 'Investigators suspect arson in the wildfire that burned 900 hectares above Valparaiso, as families returned to homes in ashes.',
  text: [
    'Investigators suspect the wildfire that burned 900 hectares of forest and 130 homes in the hills above Valparaiso was started deliberately, prosecutors said on Saturday.',
    'Families returned to the burned hillside neighbourhoods to search the ashes of their houses, and firefighters kept watch over smouldering hot spots.',
    'Firefighters said the flames spread fast because of strong winds and dry brush after months without rain.',
  ].join('\n'),
  published: at(8, 10),
  outlet: 'gazette.example',
});

/** After the split: one more report of each event. */
export const fireFifth = article({
  id: 'fire-5',
  title: 'Valparaiso wildfire victims get emergency housing as hills are cleared',
  lead: 'Families who lost their homes in the wildfire above Valparaiso moved into emergency housing as crews cleared the burned hills.',
  text: [
    'Families who lost their homes in the wildfire that burned 900 hectares in the hills above Valparaiso moved into emergency housing on Monday.',
    'Crews cleared burned brush and ashes from the hillside neighbourhoods, and firefighters kept watching for hot spots after the blaze.',
    'Prosecutors said two men were questioned over the fire, which investigators believe was started at an illegal rubbish dump.',
  ].join('\n'),
  published: at(10, 9),
  outlet: 'daily.example',
});

export const quakeFifth = article({
  id: 'quake-5',
  title: 'Valparaiso earthquake: harbour district reopens as aftershocks ease',
  lead: 'Parts of the Valparaiso harbour district reopened a week after the 6.8 magnitude earthquake as aftershocks eased.',
  text: [
    'Parts of the harbour district of Valparaiso reopened on Tuesday, a week after the magnitude 6.8 earthquake that killed 42 people and injured 310.',
    'Engineers cleared most buildings near the port after inspections, while the collapsed ones were fenced off and aftershocks grew weaker.',
    'The seismology centre said the earthquake was the strongest to hit the city in decades, and the navy ships left with the last of the injured.',
  ].join('\n'),
  published: at(10, 15),
  outlet: 'times.example',
});

/** fire-2's wire copy republished elsewhere: a near-duplicate. */
export const fireSecondCopy = article({
  ...fireSecond,
  id: 'fire-2-copy',
  title: 'Wildfire above Valparaiso destroys homes',
  text: `${fireSecond.text}\nShare this article`,
  published: at(10, 18),
  outlet: 'bay.example',
});

/** The stream in arrival order. */
export const gluedStream: StoryArticle[] = [quake, quakeOwnReport, quakeRescue, bridge, fireFirst, fireSecond, quakeSchools, fireThird, fireFourth];
export const QUAKE_IDS = ['quake-1', 'quake-2', 'quake-3', 'quake-4'];
export const FIRE_IDS = ['fire-1', 'fire-2', 'fire-3', 'fire-4'];

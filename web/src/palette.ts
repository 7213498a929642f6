/** One colour per kind of thing, shared by the text highlights, the charts and the graph. */
export const ENTITY_COLOURS: Record<string, string> = {
  PERSON: '#aa9cfc',
  PARTY: '#7aecec',
  ORG: '#feca74',
  GOVBODY: '#9cc9cc',
  PLACE: '#ff9561',
  TITLE: '#e4e7d2',
  PRONOUN: '#dddddd',
};

export const PLOVER_COLOURS: Record<string, string> = {
  AGREE: '#2e9e5b', CONSULT: '#4c8bf5', SUPPORT: '#7bc96f', COOPERATE: '#1f8a8a', AID: '#9ad0f5', YIELD: '#b9e769',
  REQUEST: '#f2c14e', ACCUSE: '#f78154', REJECT: '#d1495b', THREATEN: '#8c2f39', PROTEST: '#e36397', SANCTION: '#6d597a',
  MOBILIZE: '#b56576', COERCE: '#5e548e', ASSAULT: '#3d1f3b', RETREAT: '#a0a0a0', CHANGE_STATE: '#577590', OTHER: '#adb5bd',
};

export const RELATION_COLOURS: Record<string, string> = {
  ally: '#2e9e5b', coalition: '#4c8bf5', opposition: '#d1495b', negotiating: '#f2c14e', member: '#6d597a', 'party-member': '#9aa5b1',
};

export const STATUS_COLOURS: Record<string, string> = {
  open: '#4c8bf5', in_progress: '#3aa6a0', kept: '#2e9e5b', overdue: '#e09f3e', broken: '#d1495b', disputed: '#6d597a',
};

export function ploverColour(type: string): string {
  return PLOVER_COLOURS[type] ?? '#adb5bd';
}

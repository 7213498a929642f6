import { Pipeline } from './pipeline.js';
import { segmentStage } from '../stages/segment/segment.js';
import { actorsStage } from '../stages/actors/actors.js';
import { timeStage } from '../stages/time/time.js';
import { statementsStage } from '../stages/statements/statements.js';
import { eventsStage } from '../stages/events/events.js';
import { relationsStage } from '../stages/relations/relations.js';
import { agreementsStage } from '../stages/agreements/agreements.js';
import { commitmentsStage } from '../stages/commitments/commitments.js';

/**
 * The one place the stages are listed, in order. A new stage is added here and nowhere else; the
 * Pipeline constructor checks that what it reads comes earlier.
 */
export function defaultPipeline(): Pipeline {
  return new Pipeline([segmentStage, actorsStage, timeStage, statementsStage, eventsStage, relationsStage, agreementsStage, commitmentsStage]);
}

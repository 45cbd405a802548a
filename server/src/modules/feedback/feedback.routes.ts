import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { requireStaff } from '../identity/index.js';
import {
  ApplicantPetition,
  ApplicantPetitions,
  CodeParams,
  IdParams,
  InfoAnswerBody,
  PetitionActionBody,
  PetitionBody,
  PetitionCreated,
  PetitionDetail,
  PetitionIdParams,
  PetitionListQuery,
  PetitionListReply,
  ProofQuery,
  RatingBody,
  RatingReply,
  StatsQuery,
  StatsReply,
} from './feedback.schemas.js';
import { FeedbackService } from './feedback.service.js';

const publicTags = ['public'];
const tags = ['feedback'];
// The applicant's endpoints take a phone or citizen ID with a code: limit guessing.
const limited = { rateLimit: { max: 10, timeWindow: '1 minute' } };
const proofOf = (p: { phone?: string; citizenId?: string }) => ({
  phone: p.phone || undefined,
  citizenId: p.citizenId || undefined,
});

/** HTTP routes of the feedback module: ratings, petitions, satisfaction indicators. */
export function feedbackRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const svc = new FeedbackService({
    db: ctx.kysely,
    clock: ctx.clock,
    publicUrl: ctx.config.publicUrl,
  });
  return async (app) => {
    app.get(
      '/public/dossiers/:code/rating',
      {
        schema: {
          tags: publicTags,
          summary: "The dossier's rating (or null) and whether it may be rated now",
          params: CodeParams,
          querystring: ProofQuery,
          response: { 200: RatingReply },
        },
        config: limited,
      },
      async (req) => svc.ratingOf(req.params.code, proofOf(req.query)),
    );

    app.post(
      '/public/dossiers/:code/rating',
      {
        schema: {
          tags: publicTags,
          summary:
            'Rate the handling of a dossier 1–5 once its result was returned (applicant: code + phone or citizen ID; once)',
          params: CodeParams,
          body: RatingBody,
          response: { 201: RatingReply },
        },
        config: limited,
      },
      async (req, reply) => {
        const r = await svc.rate(req.actor, req.params.code, proofOf(req.body), {
          score: req.body.score,
          comment: req.body.comment,
        });
        return reply.status(201).send(r);
      },
    );

    app.get(
      '/public/dossiers/:code/petitions',
      {
        schema: {
          tags: publicTags,
          summary: "The applicant's petitions about the dossier, with status and answer",
          params: CodeParams,
          querystring: ProofQuery,
          response: { 200: ApplicantPetitions },
        },
        config: limited,
      },
      async (req) => svc.petitionsOfApplicant(req.params.code, proofOf(req.query)),
    );

    app.post(
      '/public/dossiers/:code/petitions',
      {
        schema: {
          tags: publicTags,
          summary:
            'Send a petition about a dossier (any status); routed to its handling unit with deadlines from its working calendar',
          params: CodeParams,
          body: PetitionBody,
          response: { 201: PetitionCreated },
        },
        config: limited,
      },
      async (req, reply) => {
        const created = await svc.createPetition(req.actor, req.params.code, proofOf(req.body), {
          content: req.body.content,
          email: req.body.contact?.email || undefined,
        });
        return reply.status(201).send(created);
      },
    );

    app.post(
      '/public/dossiers/:code/petitions/:id/info',
      {
        schema: {
          tags: publicTags,
          summary:
            "The applicant answers the handling unit's open question about their petition (409 no_info_requested when none is open)",
          params: PetitionIdParams,
          body: InfoAnswerBody,
          response: {
            200: z.object({
              id: z.uuid(),
              number: z.string(),
              infoRequest: ApplicantPetition.shape.infoRequest,
            }),
          },
        },
        config: limited,
      },
      async (req) =>
        svc.provideInfo(
          req.actor,
          req.params.code,
          proofOf(req.body),
          req.params.id,
          req.body.answer,
        ),
    );

    app.get(
      '/dossier-petitions',
      {
        schema: {
          tags,
          summary: "The caller's units' petitions, soonest deadline first",
          querystring: PetitionListQuery,
          response: { 200: PetitionListReply },
        },
      },
      async (req) => svc.list(requireStaff(req.actor), req.query),
    );

    app.get(
      '/dossier-feedback/stats',
      {
        schema: {
          tags,
          summary: 'Satisfaction indicators per handling unit (ratings, petitions on time)',
          querystring: StatsQuery,
          response: { 200: StatsReply },
        },
      },
      async (req) => svc.stats(requireStaff(req.actor), req.query),
    );

    app.get(
      '/dossier-petitions/:id',
      {
        schema: {
          tags,
          summary: 'A petition with its events and the actions the caller may take',
          params: IdParams,
          response: { 200: PetitionDetail },
        },
      },
      async (req) => svc.get(requireStaff(req.actor), req.params.id),
    );

    app.post(
      '/dossier-petitions/:id/actions',
      {
        schema: {
          tags,
          summary:
            'accept | reject | answer a petition, or request_info (ask the applicant one question within 5 working days of receipt); optimistic concurrency on `version`',
          params: IdParams,
          body: PetitionActionBody,
          response: { 200: PetitionDetail },
        },
      },
      async (req) => svc.act(requireStaff(req.actor), req.params.id, req.body),
    );
  };
}

import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { RadarService } from './service/RadarService';

export async function createRouter({
  httpAuth,
  radarService,
}: {
  httpAuth: HttpAuthService;
  radarService: RadarService;
}): Promise<express.Router> {
  const router = Router();
  router.use(express.json());

  router.get('/radar', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(await radarService.getRadar({ credentials }));
  });

  return router;
}

export interface Config {
  /** Tech Stack for Backstage. */
  techStack?: {
    /** The scaffolder actions `tech-stack:*`. */
    scaffolder?: {
      /**
       * A folder of the organisation's recipes (one YAML file per
       * technology) used by `tech-stack:wire`. They add to the built-in
       * recipes and replace a built-in one that shares a technology slug or
       * alias. Relative paths are resolved against the backend's working
       * directory.
       * @visibility backend
       */
      recipesDir?: string;
      /**
       * Where `tech-stack:publish-local` copies new services, one folder per
       * service name. Relative paths are resolved against the backend's
       * working directory; what users see of `tech-stack:publish-local`
       * (outputs, logs, errors) names paths in the form configured here. The
       * catalog must accept `file` locations inside this folder, and should
       * accept them nowhere else (see the README). Default:
       * `<os tmp>/tech-stack-services`.
       * @visibility backend
       */
      localPublishDir?: string;
    };
  };
}

// Starts Swagger UI on /docs over this server's /openapi.json. validatorUrl null: Swagger UI
// would otherwise send the document to an online validator, and this service works offline.
window.addEventListener("load", () => {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
  });
});

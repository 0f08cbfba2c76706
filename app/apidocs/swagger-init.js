// Starts Swagger UI on /docs (a file, not inline: the Content-Security-Policy allows no inline script).
window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
  layout: 'BaseLayout',
  deepLinking: true,
  persistAuthorization: true,
  showExtensions: true,
  // The public validator badge would call out to the internet.
  validatorUrl: null,
})

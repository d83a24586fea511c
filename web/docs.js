// Renders /openapi.json with the Swagger UI bundle the server serves from its own packages.
window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
